// Compose sizes and CPU counts as Kubernetes quantities ("512m" bytes in Compose is "512Mi" in Kubernetes).

const BYTE_UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };
const COMPOSE_BYTES = /^(\d+(?:\.\d+)?)\s*([bkmgt])?b?$/i;
const KUBERNETES_QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** Compose byte values ("1g", "512mb", 1073741824) in binary units, as Docker reads them. */
export function memoryQuantity(value: unknown): string | undefined {
  let bytes: number;
  if (typeof value === "number") bytes = value;
  else if (typeof value === "string") {
    const match = COMPOSE_BYTES.exec(value.trim());
    if (!match) return undefined;
    bytes = Number(match[1]) * (BYTE_UNITS[(match[2] ?? "b").toLowerCase()] ?? 1);
  } else return undefined;
  if (!Number.isFinite(bytes) || bytes <= 0) return undefined;
  bytes = Math.round(bytes);
  for (const [suffix, size] of [
    ["Gi", 1024 ** 3],
    ["Mi", 1024 ** 2],
    ["Ki", 1024],
  ] as const) {
    if (bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}

/** Compose `cpus: 0.5` as "500m"; whole CPUs stay whole. */
export function cpuQuantity(value: unknown): string | undefined {
  const cpus = typeof value === "string" ? Number(value) : value;
  if (typeof cpus !== "number" || !Number.isFinite(cpus) || cpus <= 0) return undefined;
  return Number.isInteger(cpus) ? String(cpus) : `${Math.round(cpus * 1000)}m`;
}

/** A storage size written for Kubernetes ("10Gi"), as the kompose.volume.size label holds it. */
export function storageQuantity(value: unknown): string | undefined {
  const text = typeof value === "number" ? String(value) : value;
  return typeof text === "string" && KUBERNETES_QUANTITY.test(text.trim()) ? text.trim() : undefined;
}

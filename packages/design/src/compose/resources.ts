// Compose resource limits and reservations (deploy.resources, or the older mem_limit and cpus) as container resources.
import { mappingOrEmpty } from "./mapping";
import type { ComposeProblems, YamlPath } from "./problems";
import { cpuQuantity, memoryQuantity } from "./quantities";

type Quantities = { cpu?: string; memory?: string };

export function containerResources(
  definition: Record<string, unknown>,
  at: YamlPath,
  problems: ComposeProblems,
): { limits?: Quantities; requests?: Quantities } | undefined {
  const resources = mappingOrEmpty(mappingOrEmpty(definition.deploy).resources);
  const path = [...at, "deploy", "resources"];
  const reservations = mappingOrEmpty(resources.reservations);
  if (reservations.devices !== undefined) {
    problems.warn(
      path,
      "device reservations (GPUs) are not carried over: add a device plugin resource by hand",
    );
  }
  // A value under deploy.resources wins over the older top-level key, as it does in Compose.
  const section = (
    name: "limits" | "reservations",
    legacy: { cpus?: string; memory?: string },
  ): Quantities => {
    const values = mappingOrEmpty(resources[name]);
    const read = (key: "cpus" | "memory", convert: (value: unknown) => string | undefined) => {
      const [value, where] =
        values[key] !== undefined
          ? [values[key], [...path, name, key]]
          : legacy[key]
            ? [definition[legacy[key]], [...at, legacy[key]]]
            : [undefined, path];
      if (value === undefined || value === null) return undefined;
      const converted = convert(value);
      if (!converted)
        problems.error(
          where,
          `${String(value)} is not a valid ${key === "cpus" ? "CPU count" : "memory size"}`,
        );
      return converted;
    };
    const cpu = read("cpus", cpuQuantity);
    const memory = read("memory", memoryQuantity);
    return { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) };
  };
  const limits = section("limits", { cpus: "cpus", memory: "mem_limit" });
  const requests = section("reservations", { memory: "mem_reservation" });
  const out = {
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(Object.keys(requests).length > 0 ? { requests } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

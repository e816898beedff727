// Compose labels and annotations (mapping or "key=value" list) as the annotations of generated objects.

// kompose.* labels are instructions to the converter (volume size, service type), not data to carry over.
const CONVERTER_LABEL_PREFIX = "kompose.";

/** Compose labels come as a mapping or as "key=value" strings. */
export function labelMap(value: unknown): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value
        .filter((entry): entry is string => typeof entry === "string")
        .map((entry) => {
          const equals = entry.indexOf("=");
          return equals === -1 ? [entry, ""] : [entry.slice(0, equals), entry.slice(equals + 1)];
        }),
    );
  }
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, label]) => [key, label === null ? "" : String(label)]),
  );
}

/** Compose `labels` and `annotations` of a service, kept as annotations: label values may hold any text. */
export function serviceAnnotations(service: Record<string, unknown>): Record<string, string> {
  const labels = Object.entries(labelMap(service.labels)).filter(
    ([key]) => !key.startsWith(CONVERTER_LABEL_PREFIX),
  );
  return { ...Object.fromEntries(labels), ...labelMap(service.annotations) };
}

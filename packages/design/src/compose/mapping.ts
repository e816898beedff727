// Untyped Compose sections read as mappings: most may be absent or null, which reads as empty.

export function mappingOrEmpty(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

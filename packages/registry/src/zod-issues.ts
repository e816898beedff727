// Zod failures as one readable line per problem, with the path inside the document ("spec.versions[1].name").
import type { z } from "zod";

export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index ? "." : ""}${String(key)}`))
    .join("");
}

export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = issuePath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  if (error.issues.length > limit) lines.push(`and ${error.issues.length - limit} more`);
  return lines.join("; ");
}

// The profile form: its text fields turned into the API's profile body, and the API's validation errors
// turned back into messages beside the field they are about.
import type { PerfProfile, ProfileFields } from "./performance";

export const profileFieldNames = [
  "name",
  "endpoints",
  "concurrentRequest",
  "qps",
  "duration",
  "requestHeaders",
  "requestBody",
  "contentType",
  "thresholds",
] as const;
export type ProfileFieldName = (typeof profileFieldNames)[number];
export type FieldErrors = Partial<Record<ProfileFieldName | "form", string>>;

/** The form's values as text, so a refused form comes back exactly as it was typed. */
export type ProfileFormValues = Record<ProfileFieldName | "model", string>;

export function formValuesOf(profile?: PerfProfile): ProfileFormValues {
  return {
    name: profile?.name ?? "",
    endpoints: profile?.endpoints.join("\n") ?? "",
    model: profile && profile.qps > 0 ? "open" : "closed",
    concurrentRequest: String(profile?.concurrentRequest ?? 10),
    qps: profile && profile.qps > 0 ? String(profile.qps) : "",
    duration: profile?.duration ?? "30s",
    requestHeaders: Object.entries(profile?.requestHeaders ?? {})
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n"),
    requestBody: profile?.requestBody ?? "",
    contentType: profile?.contentType ?? "",
    thresholds: profile?.thresholds.join("\n") ?? "",
  };
}

export function readFormValues(data: FormData): ProfileFormValues {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    name: text("name"),
    endpoints: text("endpoints"),
    model: text("model") === "open" ? "open" : "closed",
    concurrentRequest: text("concurrentRequest"),
    qps: text("qps"),
    duration: text("duration"),
    requestHeaders: text("requestHeaders"),
    requestBody: text("requestBody"),
    contentType: text("contentType"),
    thresholds: text("thresholds"),
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Only what the API cannot tell from its body: numbers typed as text and headers as "Name: value" lines.
 * Everything else (URLs, durations, threshold syntax, limits) is the API's to judge, so the messages agree.
 */
export function profileBodyOf(values: ProfileFormValues): { body: ProfileFields } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const concurrency = wholeNumber(values.concurrentRequest);
  if (concurrency === null) errors.concurrentRequest = "Connections must be a whole number, such as 10";
  let qps = 0;
  if (values.model === "open") {
    const rate = wholeNumber(values.qps);
    if (rate === null || rate <= 0)
      errors.qps = "The open model needs a rate: a whole number of requests per second above 0";
    else qps = rate;
  }
  const headers: Record<string, string> = {};
  for (const line of lines(values.requestHeaders)) {
    const colon = line.indexOf(":");
    if (colon <= 0) {
      errors.requestHeaders = `"${line.slice(0, 60)}" is not a header: write one "Name: value" per line`;
      break;
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      name: values.name.trim(),
      endpoints: lines(values.endpoints),
      concurrentRequest: concurrency ?? 1,
      qps,
      duration: values.duration.trim(),
      requestHeaders: headers,
      ...(values.requestBody ? { requestBody: values.requestBody } : {}),
      ...(values.contentType.trim() ? { contentType: values.contentType.trim() } : {}),
      thresholds: lines(values.thresholds),
    },
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * The API answers a refused body with zod's issues on one line, "✖ message; → at path; ✖ …". Each issue
 * goes to the field its path starts with; issues without a path (an unknown key) go to the whole form.
 */
export function fieldErrorsOf(message: string): FieldErrors {
  const errors: FieldErrors = {};
  const issues = message
    .split("✖")
    .map((part) => part.trim())
    .filter(Boolean);
  if (issues.length === 0) return { form: message };
  for (const issue of issues) {
    const [text = "", where] = issue.split(/;?\s*→ at /);
    const cleaned = text.replace(/;\s*$/, "").trim();
    const root = where?.trim().replace(/;\s*$/, "").split(/[.[]/)[0] ?? "";
    const field = (profileFieldNames as readonly string[]).includes(root)
      ? (root as ProfileFieldName)
      : "form";
    const detail =
      field === "form" || !where ? cleaned : withPlace(cleaned, where.trim().replace(/;\s*$/, ""));
    errors[field] = errors[field] ? `${errors[field]}; ${detail}` : detail;
  }
  return errors;
}

// "endpoints[1]" tells the user which line was refused; the 1-based line number reads better.
function withPlace(text: string, path: string): string {
  const index = /^\w+\[(\d+)\]$/.exec(path)?.[1];
  return index === undefined ? text : `line ${Number(index) + 1}: ${text}`;
}

// How the performance pages write latencies, rates and paths, the same on the server and in the browser.

/** Milliseconds at three significant digits at most, down to the microsecond: 0.087, 12.4, 1,250. */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const size = Math.abs(value);
  const digits = size === 0 ? 0 : size < 1 ? 3 : size < 10 ? 2 : size < 100 ? 1 : 0;
  return `${value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return Math.round(value).toLocaleString("en-US");
}

export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${value.toLocaleString("en-US", { maximumFractionDigits: value < 100 ? 1 : 0 })}/s`;
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  const percent = fraction * 100;
  const digits = percent === 0 || percent >= 10 ? 1 : percent >= 0.1 ? 2 : 3;
  return `${percent.toFixed(digits)} %`;
}

/** A measured value in the unit its threshold's metric uses. */
export function formatMetric(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "not measured";
  if (metric === "error_rate") return String(Number(value.toPrecision(4)));
  if (metric === "rps") return formatRate(value);
  return formatMs(value);
}

const runTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** When a run started, to the second: runs a minute apart must not read the same. */
export function formatRunTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${runTime.format(date)} UTC`;
}

export const performancePath = "/performance";
export const profilePath = (id: string, rest = "") =>
  `/performance/profiles/${encodeURIComponent(id)}${rest}`;
export const resultPath = (id: string, rest = "") => `/performance/results/${encodeURIComponent(id)}${rest}`;

/** "30s", "2m", "1h30m", "500ms" in milliseconds; null for anything else. */
export function durationMs(text: string): number | null {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== text.trim()) return null;
  const unit: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  return parts.reduce((total, [, value, suffix]) => total + Number(value) * (unit[suffix ?? ""] ?? 0), 0);
}

// Service Mesh Performance results: the PerformanceTestResult message (latencies_ms, actual_qps, times) as our
// export and Meshery write it, and the README's older shape with a `client` block. SMP has no histogram.
import { z } from "zod";
import { ImportError, type Imported } from "./imported";

const millis = z
  .number({ error: "must be a number of milliseconds" })
  .min(0, "must not be negative")
  .max(3_600_000);

const Latencies = z.object({
  min: millis.optional(),
  average: millis.optional(),
  p50: millis.optional(),
  p90: millis.optional(),
  p99: millis.optional(),
  max: millis.optional(),
});

const Client = z.object({
  connections: z.number().int().min(1).max(1_000_000).optional(),
  rps: z.number().min(0).max(1e9).optional(),
  endpoint_urls: z.array(z.string().max(2_000)).max(100).optional(),
  latencies_ms: Latencies.optional(),
});

const SmpResult = z.object({
  smp_version: z.string().max(100).optional(),
  id: z.string().max(200).optional(),
  name: z.string().max(500).optional(),
  start_time: z.string().max(100).optional(),
  end_time: z.string().max(100).optional(),
  latencies_ms: Latencies.optional(),
  actual_qps: z.number().min(0).max(1e9).optional(),
  endpoint_url: z.string().max(2_000).optional(),
  client: Client.optional(),
  config: z
    .object({
      name: z.string().max(500).optional(),
      duration: z.string().max(50).optional(),
      clients: z.array(Client).max(100).optional(),
    })
    .optional(),
});

export function looksLikeSmp(data: Record<string, unknown>): boolean {
  return "latencies_ms" in data || "smp_version" in data || "actual_qps" in data || "client" in data;
}

const validTime = (text: string | undefined) =>
  text !== undefined && !Number.isNaN(Date.parse(text)) ? new Date(text) : null;

export function importSmp(data: Record<string, unknown>): Imported {
  const parsed = SmpResult.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "document"}: ${i.message}`);
    throw new ImportError(`not an SMP result: ${issues.join("; ")}`);
  }
  const smp = parsed.data;
  const latencies = smp.latencies_ms ?? smp.client?.latencies_ms;
  if (!latencies || latencies.p50 === undefined) {
    throw new ImportError("not an SMP result: latencies_ms with at least p50 is required");
  }
  const start = validTime(smp.start_time);
  const end = validTime(smp.end_time);
  const durationMs = start && end && end >= start ? end.getTime() - start.getTime() : null;
  const rps = smp.actual_qps ?? 0;
  const latency: Record<string, number> = {};
  const names = { min: "min", average: "mean", p50: "p50", p90: "p90", p99: "p99", max: "max" } as const;
  for (const [from, to] of Object.entries(names)) {
    const value = latencies[from as keyof typeof names];
    if (value !== undefined) latency[to] = value;
  }
  const client = smp.config?.clients?.[0] ?? smp.client;
  const requests = durationMs === null ? 0 : Math.round((rps * durationMs) / 1000);
  return {
    format: "smp",
    name: smp.name ?? smp.config?.name ?? null,
    startedAt: start,
    durationMs,
    requests,
    rps,
    errorRate: null,
    latency,
    histogram: null,
    statusCodes: {},
    errors: {},
    profile: {
      endpoint: client?.endpoint_urls?.[0] ?? smp.endpoint_url ?? null,
      connections: client?.connections ?? null,
      qps: client?.rps ?? null,
      duration: smp.config?.duration ?? null,
    },
    notes: [
      "SMP results carry only min, average, p50, p90, p99 and max: there is no histogram, no p75/p95/p99.9/p99.99, no status codes, error counts or per-second series.",
      durationMs === null
        ? "start_time and end_time were missing or invalid: the duration and request count are unknown."
        : `The request count (${requests}) is estimated from actual_qps and the run's duration.`,
      "The error rate is unknown (null): SMP does not record failures.",
    ],
  };
}

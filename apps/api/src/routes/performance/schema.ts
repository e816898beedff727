// Wire shapes of performance profiles (Meshery's PerformanceProfile fields) and results, and the SMP export.
import { z } from "@hono/zod-openapi";
import type { PerformanceProfile, PerformanceResult } from "@meshplane/db/queries";
import { parseThreshold } from "@meshplane/workflows/performance";
import { parseGoDuration } from "../../performance/runner";

const goDuration = z.string().refine(
  (text) => {
    try {
      const ms = parseGoDuration(text);
      return ms > 0 && ms <= 3_600_000;
    } catch {
      return false;
    }
  },
  { message: "a duration from 1ms to 1h, such as 30s or 2m" },
);

const threshold = z.string().refine(
  (text) => {
    try {
      parseThreshold(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: "a threshold such as p(99)<250, avg<100, error_rate<0.01 or rps>500" },
);

export const ProfileFields = z
  .object({
    name: z.string().trim().min(1).max(200),
    endpoints: z
      .array(z.url({ protocol: /^https?$/, error: "endpoints must be http:// or https:// URLs" }))
      .min(1)
      .max(10),
    loadGenerators: z
      .array(z.enum(["builtin", "fortio", "wrk2", "nighthawk"]))
      .max(4)
      .default(["builtin"]),
    concurrentRequest: z.number().int().min(1).max(10_000).default(1),
    qps: z.number().int().min(0, "qps must be 0 (as fast as possible) or more").max(1_000_000).default(0),
    duration: goDuration.default("30s"),
    serviceMesh: z.string().max(100).optional(),
    requestHeaders: z.record(z.string().max(200), z.string().max(4000)).default({}),
    requestCookies: z.record(z.string().max(200), z.string().max(4000)).default({}),
    requestBody: z.string().max(1_000_000).optional(),
    contentType: z.string().max(200).optional(),
    thresholds: z.array(threshold).max(20).default([]),
    metadata: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const ProfileBody = z
  .object({
    id: z.uuid(),
    name: z.string(),
    endpoints: z.array(z.string()),
    loadGenerators: z.array(z.string()),
    concurrentRequest: z.number(),
    qps: z.number(),
    duration: z.string(),
    serviceMesh: z.string().nullable(),
    requestHeaders: z.record(z.string(), z.string()),
    requestCookies: z.record(z.string(), z.string()),
    requestBody: z.string().nullable(),
    contentType: z.string().nullable(),
    thresholds: z.array(z.string()),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("PerformanceProfile");

export function toProfile(row: PerformanceProfile): z.infer<typeof ProfileBody> {
  const { thresholds, ...metadata } = row.metadata as { thresholds?: string[] } & Record<string, unknown>;
  return {
    id: row.id,
    name: row.name,
    endpoints: row.endpoints,
    loadGenerators: [row.loadGenerator],
    concurrentRequest: row.concurrency,
    qps: row.qps,
    duration: row.duration,
    serviceMesh: row.serviceMesh,
    requestHeaders: row.requestHeaders,
    requestCookies: row.requestCookies,
    requestBody: row.requestBody,
    contentType: row.contentType,
    thresholds: thresholds ?? [],
    metadata,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function profileColumns(fields: z.infer<typeof ProfileFields>) {
  return {
    name: fields.name,
    endpoints: fields.endpoints,
    loadGenerator: "builtin" as const,
    concurrency: fields.concurrentRequest,
    qps: fields.qps,
    duration: fields.duration,
    serviceMesh: fields.serviceMesh ?? null,
    requestHeaders: fields.requestHeaders,
    requestCookies: fields.requestCookies,
    requestBody: fields.requestBody ?? null,
    contentType: fields.contentType ?? null,
    metadata: { ...fields.metadata, thresholds: fields.thresholds },
  };
}

const Second = z.object({
  second: z.number(),
  requests: z.number(),
  errors: z.number(),
  failedStatuses: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
});

const ThresholdOutcome = z.object({
  expression: z.string(),
  metric: z.string(),
  operator: z.string(),
  limit: z.number(),
  actual: z.number().nullable(),
  passed: z.boolean(),
});

const Summary = z.object({
  requests: z.number(),
  rps: z.number(),
  // Null when the source does not record failures (SMP imports).
  errorRate: z.number().nullable(),
  durationMs: z.number(),
  requestedDurationMs: z.number(),
  connections: z.number(),
  rate: z.number().nullable(),
});

export const ResultBody = z
  .object({
    id: z.uuid(),
    profileId: z.uuid(),
    name: z.string(),
    status: z.enum(["running", "passed", "failed", "errored"]),
    passed: z.boolean().nullable(),
    partial: z.boolean(),
    error: z.string().nullable(),
    source: z.enum(["local", "agents", "import"]),
    baseline: z.boolean(),
    percentiles: z.record(z.string(), z.number()),
    summary: Summary.nullable(),
    statusCodes: z.record(z.string(), z.number()),
    errors: z.record(z.string(), z.number()),
    series: z.array(Second),
    histogram: z.string().nullable(),
    thresholds: z.array(ThresholdOutcome),
    imported: z.object({ format: z.enum(["smp", "fortio"]), notes: z.array(z.string()) }).nullable(),
    runnerResults: z.record(z.string(), z.unknown()),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("PerformanceResult");

type Stored = {
  summary?: z.infer<typeof Summary>;
  thresholds?: z.infer<typeof ThresholdOutcome>[];
  errors?: Record<string, number>;
  partial?: boolean;
  imported?: { format: "smp" | "fortio"; notes: string[] };
};

/** Rows written before statuses said pass or fail read "completed"; their `passed` says which. */
function statusOf(row: PerformanceResult): z.infer<typeof ResultBody>["status"] {
  if (row.status === "completed") return row.passed ? "passed" : "failed";
  return row.status;
}

export function toResult(row: PerformanceResult): z.infer<typeof ResultBody> {
  const stored = row.runnerResults as Stored;
  return {
    id: row.id,
    profileId: row.profileId,
    name: row.name,
    status: statusOf(row),
    passed: row.passed,
    partial: stored.partial === true,
    error: row.error,
    source: row.source,
    baseline: row.isBaseline,
    percentiles: row.percentiles,
    summary: stored.summary ?? null,
    statusCodes: row.statusCodes,
    errors: stored.errors ?? {},
    series: row.series as z.infer<typeof Second>[],
    histogram: row.histogram,
    thresholds: stored.thresholds ?? [],
    imported: stored.imported ?? null,
    runnerResults: row.runnerResults,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Service Mesh Performance's PerformanceTestResult with every field filled from what the run measured. */
export function toSmpResult(row: PerformanceResult, profile: PerformanceProfile) {
  const p = row.percentiles;
  const runner = row.runnerResults as { rps?: number; summary?: { rps?: number } };
  return {
    smp_version: "v0.0.1",
    id: row.id,
    labels: { profile: profile.name, profile_id: profile.id, generator: "meshplane-builtin" },
    start_time: row.startedAt.toISOString(),
    end_time: (row.finishedAt ?? row.startedAt).toISOString(),
    latencies_ms: {
      min: p.min ?? 0,
      average: p.mean ?? 0,
      p50: p.p50 ?? 0,
      p90: p.p90 ?? 0,
      p99: p.p99 ?? 0,
      max: p.max ?? 0,
    },
    actual_qps: runner.summary?.rps ?? runner.rps ?? 0,
    details_uri: `/api/performance/results/${row.id}`,
    test_id: profile.id,
    mesh_config_id: profile.serviceMesh ?? "none",
    env_id: "one-machine",
    config: {
      smp_version: "v0.0.1",
      id: profile.id,
      name: profile.name,
      labels: {},
      duration: profile.duration,
      clients: [
        {
          internal: false,
          load_generator: "meshplane-builtin",
          protocol: 1,
          connections: profile.concurrency,
          rps: profile.qps,
          headers: profile.requestHeaders,
          cookies: profile.requestCookies,
          body: profile.requestBody ?? "",
          content_type: profile.contentType ?? "",
          endpoint_urls: profile.endpoints,
        },
      ],
    },
  };
}

// POST /api/performance/results/import: a Fortio (Meshery) or SMP result document stored as a finished result,
// under a given profile or one made from the document, saying what precision the import lost; and
// POST /api/performance/profiles/{id}/results, where Meshery Server publishes a run's MesheryResult.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createPerformanceProfile,
  insertImportedPerformanceResult,
  type PerformanceProfile,
} from "@meshplane/db/queries";
import { serializeHistogram } from "@meshplane/loadgen";
import { evaluateRun, type RunSummary, thresholdsOf } from "@meshplane/workflows/performance";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import type { Imported } from "../../performance/import/imported";
import { ImportError } from "../../performance/import/imported";
import { readResultDocument } from "../../performance/import/read-document";
import { parseGoDuration } from "../../performance/runner";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { profileOf } from "./profiles";
import { ProfileFields, profileColumns, ResultBody, toResult } from "./schema";

const Body = z
  .object({
    profileId: z
      .uuid()
      .optional()
      .openapi({ description: "Without it, a profile is made from the document" }),
    name: z.string().trim().min(1).max(200).optional(),
    format: z
      .enum(["smp", "fortio"])
      .optional()
      .openapi({ description: "Recognised from the document if absent" }),
    data: z
      .union([z.string().max(1_000_000), z.record(z.string(), z.unknown())])
      .openapi({ description: "The result document: an object, or its JSON or YAML text" }),
  })
  .strict()
  .openapi("PerformanceResultImport");

const route = createRoute({
  method: "post",
  path: "/api/performance/results/import",
  tags: ["performance"],
  summary: "Import a Fortio (Meshery) or SMP result",
  request: { query: OrgQuery, body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: { description: "The imported result", content: { "application/json": { schema: ResultBody } } },
    ...openApiErrorResponses,
  },
});

const publishRoute = createRoute({
  method: "post",
  path: "/api/performance/profiles/{id}/results",
  tags: ["performance"],
  summary: "Meshery's PublishResults: store a MesheryResult (its Fortio runner_results) under the profile",
  request: {
    params: z.object({ id: z.uuid() }),
    query: OrgQuery,
    body: {
      content: { "application/json": { schema: z.record(z.string(), z.unknown()).openapi("MesheryResult") } },
      required: true,
    },
  },
  responses: {
    201: {
      description: "The stored result (`id` is what Meshery reads)",
      content: { "application/json": { schema: ResultBody } },
    },
    ...openApiErrorResponses,
  },
});

function read(data: unknown, format: "smp" | "fortio" | undefined): Imported {
  try {
    return readResultDocument(data, format);
  } catch (error) {
    if (error instanceof ImportError)
      throw new ApiError({ code: "BAD_REQUEST", message: `data: ${error.message}` });
    throw error;
  }
}

/** A profile for a document imported without one: its endpoint and load, or a clear refusal. */
function profileFieldsOf(imported: Imported) {
  const { endpoint, connections, qps, duration } = imported.profile;
  let host = "";
  try {
    host = endpoint ? new URL(endpoint).host : "";
  } catch {}
  const fields = ProfileFields.safeParse({
    name: `Imported ${imported.format === "smp" ? "SMP" : "Fortio"} result${host ? ` of ${host}` : ""}`,
    endpoints: endpoint ? [endpoint] : [],
    concurrentRequest: Math.min(Math.max(Math.round(connections ?? 1), 1), 10_000),
    qps: Math.min(Math.max(Math.round(qps ?? 0), 0), 1_000_000),
    duration: duration && ProfileFields.shape.duration.safeParse(duration).success ? duration : "30s",
  });
  if (!fields.success) {
    throw new ApiError({
      code: "BAD_REQUEST",
      message:
        "profileId: the document names no http(s) endpoint to make a profile from; pass an existing profileId",
    });
  }
  return fields.data;
}

function recordOf(imported: Imported, profile: PerformanceProfile) {
  const summary: RunSummary = {
    requests: imported.requests,
    rps: imported.rps,
    errorRate: imported.errorRate,
    durationMs: imported.durationMs ?? 0,
    requestedDurationMs: parseGoDuration(profile.duration),
    connections: imported.profile.connections ?? profile.concurrency,
    rate: imported.profile.qps ? imported.profile.qps : null,
  };
  const measured = Object.keys(imported.latency).length > 0;
  const thresholds = measured ? evaluateRun(thresholdsOf(profile), imported.latency, summary) : [];
  const passed = measured && thresholds.every((t) => t.passed);
  return {
    status: !measured ? ("errored" as const) : passed ? ("passed" as const) : ("failed" as const),
    passed,
    error: measured ? null : "the document holds no measured calls",
    histogram: imported.histogram ? JSON.stringify(serializeHistogram(imported.histogram)) : null,
    percentiles: imported.latency,
    series: [],
    statusCodes: imported.statusCodes,
    runnerResults: {
      summary,
      thresholds,
      errors: imported.errors,
      partial: false,
      imported: { format: imported.format, notes: imported.notes },
    },
  };
}

async function store(
  c: Context<AppEnv>,
  access: { organizationId: string; userId: string },
  profile: PerformanceProfile,
  imported: Imported,
  name: string | undefined,
) {
  const startedAt = imported.startedAt ?? new Date();
  const row = await insertImportedPerformanceResult(c.var.db, {
    organizationId: access.organizationId,
    profileId: profile.id,
    name: name ?? imported.name ?? `${profile.name} (imported ${imported.format})`,
    startedAt,
    finishedAt: new Date(startedAt.getTime() + (imported.durationMs ?? 0)),
    ...recordOf(imported, profile),
  });
  await audit(c, {
    organizationId: access.organizationId,
    actorId: access.userId,
    action: "performance.result_imported",
    resourceType: "performance_result",
    resourceId: row.id,
    description: `Imported a ${imported.format === "smp" ? "SMP" : "Fortio"} result into "${profile.name}"`,
  });
  return row;
}

export const registerImportPerformanceResult = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const organizationId = access.organization.id;
    // The profile is checked before the document, so another tenant's id is a 404 whatever the data.
    const given = body.profileId ? await profileOf(c, organizationId, body.profileId) : undefined;
    const imported = read(body.data, body.format);
    const profile =
      given ??
      (await createPerformanceProfile(c.var.db, {
        ...profileColumns(profileFieldsOf(imported)),
        organizationId,
        ownerId: access.userId,
      }));
    const row = await store(c, { organizationId, userId: access.userId }, profile, imported, body.name);
    return c.json(toResult(row), 201);
  });
  app.openapi(publishRoute, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "performance:run");
    const organizationId = access.organization.id;
    const profile = await profileOf(c, organizationId, c.req.valid("param").id);
    const body = c.req.valid("json");
    const imported = read(body, "fortio");
    const name =
      typeof body.name === "string" && body.name.trim() ? body.name.trim().slice(0, 200) : undefined;
    const row = await store(c, { organizationId, userId: access.userId }, profile, imported, name);
    return c.json(toResult(row), 201);
  });
};

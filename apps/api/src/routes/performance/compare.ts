// GET /api/performance/compare?ids=a,b,c&baseline=x: results side by side against a baseline, with deltas.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getPerformanceBaseline, getPerformanceResults } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { COMPARED_METRICS, compareResults } from "../../performance/compare";
import { OrgQuery, orgIdOf } from "../named-resources/spec";

const MAX_COMPARED = 10;

const Ids = z
  .string()
  .max(MAX_COMPARED * 40)
  .transform((text) => [
    ...new Set(
      text
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.uuid({ error: "ids must be result ids (UUIDs) separated by commas" }))
      .min(1, "ids must name at least one result")
      .max(MAX_COMPARED, `ids may name at most ${MAX_COMPARED} results`),
  );

const Value = z.number().nullable();
const metricShape = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(COMPARED_METRICS.map((metric) => [metric, schema])) as Record<string, T>);

const Entry = z
  .object({
    id: z.uuid(),
    name: z.string(),
    profileId: z.uuid(),
    status: z.string(),
    startedAt: z.string(),
    baseline: z.boolean().openapi({ description: "Pinned as its profile's baseline" }),
    values: metricShape(Value),
    deltas: metricShape(z.object({ absolute: Value, percent: Value })),
  })
  .openapi("PerformanceCompareEntry");

const Comparison = z
  .object({
    metrics: z.array(z.string()),
    baseline: Entry,
    results: z.array(Entry),
    warnings: z.array(z.string()),
  })
  .openapi("PerformanceComparison");

const route = createRoute({
  method: "get",
  path: "/api/performance/compare",
  tags: ["performance"],
  summary: "Compare results against a baseline (by default the pinned one)",
  request: {
    query: OrgQuery.extend({
      ids: Ids.openapi({ type: "string", description: "Result ids, comma separated (1 to 10)" }),
      baseline: z.uuid().optional().openapi({
        description:
          "The baseline result; defaults to the first result's profile's pinned baseline, else the first id",
      }),
    }),
  },
  responses: {
    200: { description: "The comparison", content: { "application/json": { schema: Comparison } } },
    ...openApiErrorResponses,
  },
});

export const registerPerformanceCompare = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "performance:read");
    const organizationId = access.organization.id;
    const wanted = query.baseline ? [...new Set([...query.ids, query.baseline])] : query.ids;
    const found = new Map(
      (await getPerformanceResults(c.var.db, { organizationId, ids: wanted })).map((row) => [row.id, row]),
    );
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw new ApiError({ code: "NOT_FOUND", message: `No result ${missing.join(", ")}` });
    const results = query.ids.flatMap((id) => found.get(id) ?? []);
    const first = results[0];
    if (!first) throw new ApiError({ code: "BAD_REQUEST", message: "ids must name at least one result" });
    const baseline = query.baseline
      ? found.get(query.baseline)
      : ((await getPerformanceBaseline(c.var.db, { organizationId, profileId: first.profileId })) ?? first);
    if (!baseline) throw new ApiError({ code: "NOT_FOUND", message: `No result ${query.baseline}` });
    return c.json(compareResults(baseline, results), 200);
  });

// POST /api/agents/jobs/{id}/progress: a running loadTest job's seconds as they close, merged into its run's
// series so the result page draws an in-cluster run live, as it does a run on this machine.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { recordAgentRunSeconds } from "@meshplane/workflows/performance";
import { requireAgent } from "../../auth/agent-guard";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { agentSecurity, JobIdParam } from "./schema";

const latency = z.number().nonnegative().max(3_600_000);
const count = z.number().int().nonnegative().max(1_000_000_000);

const Second = z
  .object({
    second: z.number().int().nonnegative().max(3_600),
    requests: count,
    errors: count,
    failedStatuses: count,
    p50: latency,
    p90: latency,
    p99: latency,
  })
  .strict();

const Body = z
  .object({
    // An agent sends what closed since its last accepted report: a minute's worth covers a long outage.
    seconds: z.array(Second).min(1).max(120),
  })
  .strict()
  .openapi("AgentJobProgress");

const Recorded = z
  .object({
    accepted: z
      .boolean()
      .openapi({ description: "False once the job or its run has finished: stop sending" }),
  })
  .openapi("AgentJobProgressRecorded");

const route = createRoute({
  method: "post",
  path: "/api/agents/jobs/{id}/progress",
  tags: ["agents"],
  summary: "Report a running load test's latest seconds",
  security: agentSecurity,
  request: {
    params: JobIdParam,
    body: { content: { "application/json": { schema: Body } }, required: true },
  },
  responses: {
    200: {
      description: "Recorded, or refused as too late",
      content: { "application/json": { schema: Recorded } },
    },
    ...openApiErrorResponses,
  },
});

export const registerReportAgentJobProgress = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireAgent(c);
    const id = c.req.valid("param").id;
    const outcome = await recordAgentRunSeconds(c.var.db, {
      organizationId: actor.organizationId,
      agentId: actor.agentId,
      jobId: id,
      seconds: c.req.valid("json").seconds,
    });
    // Another agent's job, or one that is not a load test, does not exist for this agent.
    if (!outcome.found) throw new ApiError({ code: "NOT_FOUND", message: `No load test job ${id}` });
    return c.json({ accepted: outcome.accepted }, 200);
  });

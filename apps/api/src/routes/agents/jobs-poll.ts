// GET /api/agents/jobs: the agent's long poll. Held while no job is due, checking the database each second.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { type AgentJob, claimAgentJobs } from "@meshplane/db/queries";
import { requireAgent } from "../../auth/agent-guard";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { AgentJobBody, agentSecurity } from "./schema";

export const MAX_WAIT_SECONDS = 25;
// Polling the table (not an in-process signal) is what lets this work on Workers, where isolates share nothing.
const CHECK_EVERY_MS = 1_000;

const Query = z.object({
  wait: z.coerce.number().int().min(0).max(MAX_WAIT_SECONDS).default(0),
  limit: z.coerce.number().int().min(1).max(20).default(10),
});

const Page = z
  .object({ jobs: z.array(AgentJobBody), nextPollSeconds: z.number().int() })
  .openapi("AgentJobPage");

const route = createRoute({
  method: "get",
  path: "/api/agents/jobs",
  tags: ["agents"],
  summary: "Take the calling agent's due jobs, waiting up to `wait` seconds for one",
  security: agentSecurity,
  request: { query: Query },
  responses: {
    200: {
      description: "Jobs now marked delivered, and when to poll next",
      content: { "application/json": { schema: Page } },
    },
    ...openApiErrorResponses,
  },
});

const toJob = (row: AgentJob) => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload,
  attempts: row.attempts,
  createdAt: row.createdAt.toISOString(),
});

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

export const registerPollAgentJobs = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireAgent(c);
    const { wait, limit } = c.req.valid("query");
    const deadline = Date.now() + wait * 1000;
    const signal = c.req.raw.signal;
    const owner = { organizationId: actor.organizationId, agentId: actor.agentId };
    let jobs = await claimAgentJobs(c.var.db, { ...owner, limit });
    // A client that hung up must not claim jobs it will never read; they would wait for redelivery.
    while (jobs.length === 0 && Date.now() < deadline && !signal.aborted) {
      await pause(Math.min(CHECK_EVERY_MS, deadline - Date.now()), signal);
      if (signal.aborted) break;
      jobs = await claimAgentJobs(c.var.db, { ...owner, limit });
    }
    // Full page: more may be due now. Empty after a held poll: come straight back. Short poll: back off.
    const nextPollSeconds = jobs.length === limit ? 0 : wait > 0 ? 1 : 5;
    return c.json({ jobs: jobs.map(toJob), nextPollSeconds }, 200);
  });

// GET /api/agents/{id}/jobs: an agent's latest jobs with their outcomes, for the cluster page.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getAgent, listRecentAgentJobs } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { DesignJobBody, JobIdParam, toDesignJob } from "./schema";

const AgentJobSummary = DesignJobBody.extend({
  designId: z.string().nullable().openapi({ description: "The design a design job is about" }),
}).openapi("AgentJobSummary");

const Query = OrgQuery.extend({ limit: z.coerce.number().int().min(1).max(100).optional() });

const route = createRoute({
  method: "get",
  path: "/api/agents/{id}/jobs",
  tags: ["agents"],
  summary: "List an agent's recent jobs",
  request: { params: JobIdParam, query: Query },
  responses: {
    200: {
      description: "The jobs, newest first (payloads left out: they can hold whole designs)",
      content: { "application/json": { schema: z.object({ jobs: z.array(AgentJobSummary) }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerListAgentJobs = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const access = await requireOrgAccess(c, orgIdOf(query), "connections:read");
    const organizationId = access.organization.id;
    const { id } = c.req.valid("param");
    const agent = await getAgent(c.var.db, { organizationId, id });
    if (!agent) throw new ApiError({ code: "NOT_FOUND", message: `No agent ${id}` });
    const jobs = await listRecentAgentJobs(c.var.db, {
      organizationId,
      agentId: agent.id,
      limit: query.limit ?? 20,
    });
    return c.json(
      {
        jobs: jobs.map((job) => ({
          ...toDesignJob(job),
          designId: typeof job.payload.designId === "string" ? job.payload.designId : null,
        })),
      },
      200,
    );
  });

// GET /api/agents/design-jobs/{id}: where a deployment is, with the per-object results once the agent reports.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getOrganizationAgentJob } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { DesignJobBody, JobIdParam, toDesignJob } from "./schema";

const route = createRoute({
  method: "get",
  path: "/api/agents/design-jobs/{id}",
  tags: ["agents"],
  summary: "Follow a design job",
  request: { params: JobIdParam, query: OrgQuery },
  responses: {
    200: {
      description: "The job and, once finished, its outcome",
      content: { "application/json": { schema: DesignJobBody } },
    },
    ...openApiErrorResponses,
  },
});

export const registerGetDesignJob = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "designs:read");
    const { id } = c.req.valid("param");
    const job = await getOrganizationAgentJob(c.var.db, { organizationId: access.organization.id, id });
    if (!job) throw new ApiError({ code: "NOT_FOUND", message: `No job ${id}` });
    return c.json(toDesignJob(job), 200);
  });

// DELETE /api/integrations/credentials/{id} (and Meshery's `?credential_id=` form): forgets a credential.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCredential } from "@meshplane/db/queries";
import type { Context } from "hono";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";

const byPath = createRoute({
  method: "delete",
  path: "/api/integrations/credentials/{id}",
  tags: ["credentials"],
  summary: "Delete a credential",
  request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
  responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
});

const byQuery = createRoute({
  method: "delete",
  path: "/api/integrations/credentials",
  tags: ["credentials"],
  summary: "Delete a credential (Meshery Server's form)",
  request: { query: OrgQuery.extend({ credential_id: z.uuid() }) },
  responses: { 204: { description: "Deleted" }, ...openApiErrorResponses },
});

async function remove(c: Context<AppEnv>, orgId: string | undefined, id: string) {
  const access = await requireOrgAccess(c, orgId, "credentials:manage");
  if (!(await deleteCredential(c.var.db, { organizationId: access.organization.id, id }))) {
    throw new ApiError({ code: "NOT_FOUND", message: `No credential ${id}` });
  }
  await audit(c, {
    organizationId: access.organization.id,
    actorId: access.userId,
    action: "credential.deleted",
    resourceType: "credential",
    resourceId: id,
    description: "Deleted a credential",
  });
  return c.body(null, 204);
}

export const registerDeleteCredential = (app: OpenAPIHono<AppEnv>) => {
  app.openapi(byPath, (c) => remove(c, orgIdOf(c.req.valid("query")), c.req.valid("param").id));
  app.openapi(byQuery, (c) => remove(c, orgIdOf(c.req.valid("query")), c.req.valid("query").credential_id));
};

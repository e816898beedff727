// POST /api/integrations/connections: registers a connection (Meshery's ConnectionPayload); answers a ConnectionPage.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createConnection } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { ConnectionPage, ConnectionStatus, pageOf } from "./schema";

const Body = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.string().trim().min(1).max(60),
    type: z.string().trim().min(1).max(60).default("platform"),
    subType: z.string().trim().min(1).max(60).default("orchestration"),
    description: z.string().max(2000).optional(),
    url: z.url().max(2048).optional(),
    status: ConnectionStatus.exclude(["deleted", "not found", "disconnected"]).optional(),
    credentialId: z.uuid().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .openapi("ConnectionPayload");

const route = createRoute({
  method: "post",
  path: "/api/integrations/connections",
  tags: ["connections"],
  summary: "Create a connection",
  request: { query: OrgQuery, body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: {
      description: "A page holding the saved connection",
      content: { "application/json": { schema: ConnectionPage } },
    },
    ...openApiErrorResponses,
  },
});

export const registerCreateConnection = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "connections:manage");
    const body = c.req.valid("json");
    const row = await createConnection(c.var.db, {
      ...body,
      organizationId: access.organization.id,
      ownerId: access.userId,
    });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "connection.created",
      resourceType: "connection",
      resourceId: row.id,
      description: `Registered ${row.kind} connection "${row.name}"`,
    });
    return c.json(pageOf([row], 0, 1), 201);
  });

// POST /api/events: Meshery Server's `persist-events`, a meshkit Event stored in the organisation's audit log.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listOrganizationsForUser, recordEvent } from "@meshplane/db/queries";
import { requireOrgAccess, requireSignedIn } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { AuditEvent, toAuditEvent } from "./schema";

const meshkitSeverities = [
  "emergency",
  "alert",
  "critical",
  "error",
  "warning",
  "informational",
  "debug",
  "success",
] as const;
const severityOf = {
  emergency: "critical",
  alert: "critical",
  critical: "critical",
  error: "error",
  warning: "warning",
  informational: "info",
  success: "info",
  debug: "debug",
} as const;

const MesheryEvent = z
  .object({
    id: z.uuid().optional(),
    userId: z.string().max(100).optional(),
    systemId: z.string().max(100).optional(),
    actedUpon: z.string().max(200).optional(),
    operationId: z.string().max(100).optional(),
    severity: z.enum(meshkitSeverities).default("informational"),
    status: z.enum(["read", "unread"]).optional(),
    category: z.string().min(1).max(100),
    action: z.string().min(1).max(100),
    description: z.string().max(4000).default(""),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("MesheryEvent");

const route = createRoute({
  method: "post",
  path: "/api/events",
  tags: ["events"],
  summary: "Record an event from Meshery Server",
  request: {
    query: z.object({ orgId: z.uuid().optional(), orgID: z.uuid().optional() }),
    body: { content: { "application/json": { schema: MesheryEvent } }, required: true },
  },
  responses: {
    200: { description: "Recorded", content: { "application/json": { schema: AuditEvent } } },
    ...openApiErrorResponses,
  },
});

export const eventsCapability = { feature: "persist-events", endpoint: "/api/events" };

export const registerCreateEvent = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireSignedIn(c);
    const query = c.req.valid("query");
    const event = c.req.valid("json");
    // Meshery sends no organisation: the caller's token (or the given orgID) decides where it is logged.
    const organizationId =
      query.orgId ??
      query.orgID ??
      (actor.type === "apiToken"
        ? actor.organizationId
        : (await listOrganizationsForUser(c.var.db, { userId: actor.userId })).find((org) => org.personal)
            ?.id);
    const access = await requireOrgAccess(c, organizationId, "events:read");
    const row = await recordEvent(c.var.db, {
      organizationId: access.organization.id,
      actorType: "meshery",
      actorId: access.userId,
      action: `${event.category}.${event.action}`,
      ...(event.actedUpon ? { resourceId: event.actedUpon } : {}),
      severity: severityOf[event.severity],
      description: event.description,
      metadata: {
        ...(event.metadata ?? {}),
        ...(event.systemId ? { systemId: event.systemId } : {}),
        ...(event.operationId ? { operationId: event.operationId } : {}),
      },
    });
    return c.json(toAuditEvent(row), 200);
  });

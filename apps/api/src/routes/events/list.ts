// GET /api/events: an organisation's audit log (or, without one, the system's), newest first, paged by `before`.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listEvents } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { AuditEvent, toAuditEvent } from "./schema";

const Query = z.object({
  orgId: z
    .uuid()
    .optional()
    .openapi({ description: "The organisation whose audit log to read (needs events:read)" }),
  orgID: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "Page size (1-200)" }),
  before: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "Only events created before this instant: the previous page's `nextBefore`" }),
});

const EventPage = z
  .object({
    events: z.array(AuditEvent),
    nextBefore: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `before` for the next page; null at the end" }),
  })
  .openapi("EventPage");

export type ListEventsResponse = z.infer<typeof EventPage>;

const route = createRoute({
  method: "get",
  path: "/api/events",
  tags: ["events"],
  summary: "List audit events",
  request: { query: Query },
  responses: {
    200: { description: "A page of events", content: { "application/json": { schema: EventPage } } },
    ...openApiErrorResponses,
  },
});

export const registerListEvents = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { limit, before, orgId, orgID } = c.req.valid("query");
    const organization = orgId ?? orgID;
    // Without an organisation: the system's own events, which anyone may read.
    const organizationId = organization
      ? (await requireOrgAccess(c, organization, "events:read")).organization.id
      : null;
    const rows = await listEvents(c.var.db, {
      organizationId,
      limit,
      ...(before ? { before: new Date(before) } : {}),
    });
    const last = rows.at(-1);
    const nextBefore = rows.length === limit && last ? last.createdAt.toISOString() : null;
    return c.json({ events: rows.map(toAuditEvent), nextBefore }, 200);
  });

// GET /api/events: the audit log, newest first, paged by `before`. Anonymous callers see system events only.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listEvents } from "@meshplane/db/queries";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { AuditEvent, toAuditEvent } from "./schema";

const Query = z.object({
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
    const { limit, before } = c.req.valid("query");
    // Tenant events need an authenticated member; until sign-in exists every caller reads system events.
    const rows = await listEvents(c.var.db, {
      organizationId: null,
      limit,
      ...(before ? { before: new Date(before) } : {}),
    });
    const last = rows.at(-1);
    const nextBefore = rows.length === limit && last ? last.createdAt.toISOString() : null;
    return c.json({ events: rows.map(toAuditEvent), nextBefore }, 200);
  });

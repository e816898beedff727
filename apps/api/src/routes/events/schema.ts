// The audit event as the API shows it.
import { z } from "@hono/zod-openapi";
import type { Event as EventRow } from "@meshplane/db/queries";

export const AuditEvent = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid().nullable(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string().openapi({ example: "system.instance.started" }),
    resourceType: z.string().nullable(),
    resourceId: z.string().nullable(),
    severity: z.enum(["debug", "info", "warning", "error", "critical"]),
    description: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .openapi("AuditEvent");

export type AuditEvent = z.infer<typeof AuditEvent>;

export function toAuditEvent(row: EventRow): AuditEvent {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

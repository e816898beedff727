// Audit trail of identity changes (sign-in, membership, role and token changes), sent through the audit workflow.
import type { Context } from "hono";
import type { AppEnv } from "../context";

export type AuditEntry = {
  organizationId: string | null;
  actorId: string | null;
  action: string;
  resourceType?: string;
  resourceId?: string;
  description: string;
  metadata?: Record<string, unknown>;
};

/** Records through the workflow (idempotent by event id); never carries a token or secret value. */
export async function audit(c: Context<AppEnv>, entry: AuditEntry): Promise<void> {
  await c.var.workflows.send({
    name: "audit/event.recorded",
    id: `audit-${crypto.randomUUID()}`,
    data: {
      organizationId: entry.organizationId,
      actorType: entry.actorId ? "user" : "system",
      actorId: entry.actorId,
      action: entry.action,
      ...(entry.resourceType ? { resourceType: entry.resourceType } : {}),
      ...(entry.resourceId ? { resourceId: entry.resourceId } : {}),
      description: entry.description,
      metadata: { requestId: c.var.requestId, ...entry.metadata },
    },
  });
}

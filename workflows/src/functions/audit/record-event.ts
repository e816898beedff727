// Writes an audit event to the events table when `audit/event.recorded` arrives.
import { recordEvent } from "@meshplane/db/queries";
import { defineWorkflow } from "../../define";
import { isUniqueViolation, uuidFromKey } from "../../idempotency";

export const recordAuditEvent = defineWorkflow({
  id: "record-audit-event",
  event: "audit/event.recorded",
  retries: 3,
  handler: async ({ event, step, db }) =>
    step.run("write the audit event", async () => {
      // The row id derives from the event id: a retry after a lost acknowledgement hits the same key.
      const id = event.id ? await uuidFromKey(`audit-event:${event.id}`) : undefined;
      try {
        const row = await recordEvent(db, { ...event.data, ...(id ? { id } : {}) });
        return { eventId: row.id, created: true };
      } catch (error) {
        if (id && isUniqueViolation(error)) return { eventId: id, created: false };
        throw error;
      }
    }),
});

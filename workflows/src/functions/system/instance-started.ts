// Turns `system/instance.started` into a system audit event, so operators see every boot in the log.
import { defineWorkflow } from "../../define";

export const auditInstanceStarted = defineWorkflow({
  id: "audit-instance-started",
  event: "system/instance.started",
  retries: 3,
  handler: async ({ event, step }) => {
    const { version, runtime, mode, database } = event.data;
    return step.sendEvent("record the start", {
      name: "audit/event.recorded",
      // Derived id: Inngest drops a duplicate send, and the audit row id derives from it.
      ...(event.id ? { id: `instance-started:${event.id}` } : {}),
      data: {
        organizationId: null,
        actorType: "system",
        action: "system.instance.started",
        resourceType: "instance",
        description: `Meshplane ${version} started on ${runtime} (${mode}, ${database})`,
        metadata: { version, runtime, mode, database },
      },
    });
  },
});

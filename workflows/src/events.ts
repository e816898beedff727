// The typed event catalogue: every event a workflow sends or reacts to, named `domain/noun.verb`.
import { eventType } from "inngest";
import { z } from "zod";

const severity = z.enum(["debug", "info", "warning", "error", "critical"]);

export const auditEventRecorded = eventType("audit/event.recorded", {
  schema: z.object({
    organizationId: z.uuid().nullable(),
    actorType: z.string().min(1),
    actorId: z.string().nullable().optional(),
    action: z.string().min(1),
    resourceType: z.string().optional(),
    resourceId: z.string().optional(),
    severity: severity.optional(),
    description: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const systemInstanceStarted = eventType("system/instance.started", {
  schema: z.object({
    version: z.string(),
    runtime: z.enum(["node", "workerd"]),
    mode: z.enum(["one-machine", "distributed"]),
    database: z.string(),
  }),
});

export const catalogPublicationRequested = eventType("catalog/publication.requested", {
  schema: z.object({
    requestId: z.uuid(),
    organizationId: z.uuid(),
    designId: z.uuid(),
    designName: z.string(),
  }),
});

export const catalogPublicationDecided = eventType("catalog/publication.decided", {
  schema: z.object({
    requestId: z.uuid(),
    organizationId: z.uuid(),
    decision: z.enum(["approved", "denied"]),
    reason: z.string().optional(),
  }),
});

/** Every event type by name, so runners and the Inngest adapter find a trigger's schema. */
export const eventTypes = {
  [auditEventRecorded.name]: auditEventRecorded,
  [systemInstanceStarted.name]: systemInstanceStarted,
  [catalogPublicationRequested.name]: catalogPublicationRequested,
  [catalogPublicationDecided.name]: catalogPublicationDecided,
} as const;

type EventTypes = typeof eventTypes;
export type EventName = keyof EventTypes;
export type EventData<N extends EventName> = z.infer<EventTypes[N]["schema"]>;

/** An event as sent: `id` doubles as the idempotency key (Inngest deduplicates on it too). */
export type WorkflowEvent<N extends EventName = EventName> = {
  [K in N]: { name: K; data: EventData<K>; id?: string; ts?: number };
}[N];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventTypes, name);
}

/** Validates an event's data against its schema; a bad event is the sender's bug, so it throws. */
export function parseEvent<N extends EventName>(event: WorkflowEvent<N>): WorkflowEvent<N> {
  const schema: z.ZodType = eventTypes[event.name].schema;
  const result = schema.safeParse(event.data);
  if (!result.success) {
    throw new Error(`invalid ${event.name} event: ${z.prettifyError(result.error)}`);
  }
  return event;
}

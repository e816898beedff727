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

export const agentsDesignJobRequested = eventType("agents/design-job.requested", {
  schema: z.object({
    jobId: z.uuid(),
    organizationId: z.uuid(),
    agentId: z.uuid(),
    connectionId: z.uuid(),
    designId: z.uuid(),
    designName: z.string(),
    kind: z.enum(["deploy", "undeploy", "dryRun"]),
    healthTimeoutSeconds: z.number().int().min(0).optional(),
    requestedById: z.string().nullable(),
  }),
});

export const agentsJobFinished = eventType("agents/job.finished", {
  schema: z.object({
    jobId: z.uuid(),
    organizationId: z.uuid(),
    agentId: z.uuid(),
    status: z.enum(["succeeded", "failed"]),
    /** The workflow had already timed the job out when the agent reported. */
    late: z.boolean().optional(),
  }),
});

export const performanceAgentRunStarted = eventType("performance/agent-run.started", {
  schema: z.object({
    resultId: z.uuid(),
    organizationId: z.uuid(),
    /** When the run counts as lost: its duration plus the grace period, from its start. */
    deadlineAt: z.iso.datetime(),
  }),
});

/** Every agent of the run has reported (sent by the API on the last loadTest result). */
export const performanceAgentRunReported = eventType("performance/agent-run.reported", {
  schema: z.object({ resultId: z.uuid(), organizationId: z.uuid() }),
});

// Triggers of scheduled workflows: a cron on Inngest, the in-process scheduler in the one-machine mode.
export const agentsLivenessScheduled = eventType("agents/liveness.scheduled", {
  schema: z.object({ scheduledAt: z.string().optional() }),
});

export const agentsCredentialsScheduled = eventType("agents/credentials.scheduled", {
  schema: z.object({ scheduledAt: z.string().optional() }),
});

export const agentsDesignJobsScheduled = eventType("agents/design-jobs.scheduled", {
  schema: z.object({ scheduledAt: z.string().optional() }),
});

export const performanceSchedulesScheduled = eventType("performance/schedules.scheduled", {
  schema: z.object({ scheduledAt: z.string().optional() }),
});

/** Every event type by name, so runners and the Inngest adapter find a trigger's schema. */
export const eventTypes = {
  [auditEventRecorded.name]: auditEventRecorded,
  [systemInstanceStarted.name]: systemInstanceStarted,
  [catalogPublicationRequested.name]: catalogPublicationRequested,
  [catalogPublicationDecided.name]: catalogPublicationDecided,
  [agentsDesignJobRequested.name]: agentsDesignJobRequested,
  [agentsJobFinished.name]: agentsJobFinished,
  [agentsLivenessScheduled.name]: agentsLivenessScheduled,
  [agentsCredentialsScheduled.name]: agentsCredentialsScheduled,
  [agentsDesignJobsScheduled.name]: agentsDesignJobsScheduled,
  [performanceSchedulesScheduled.name]: performanceSchedulesScheduled,
  [performanceAgentRunStarted.name]: performanceAgentRunStarted,
  [performanceAgentRunReported.name]: performanceAgentRunReported,
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

// Public surface of the workflows package: events, definitions, the Inngest adapter and the sender type.
export { createInngestClient, type Inngest, type InngestKeys } from "./client";
export * from "./define";
export * from "./events";
export { auditInstanceStarted, recordAuditEvent, workflows } from "./functions/index";
export { type RunHere, runDuePerformanceSchedulesWith } from "./functions/performance/scheduled-runs";
export { isUniqueViolation, uuidFromKey } from "./idempotency";
export { toInngestFunction, toInngestFunctions } from "./inngest";
export { inngestSender, type WorkflowSender } from "./sender";

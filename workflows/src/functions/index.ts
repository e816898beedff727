// Every workflow definition, the list that Inngest's `serve` and the in-process runner both take.
import type { AnyWorkflowDefinition } from "../define";
import { recordAuditEvent } from "./audit/record-event";
import { reviewPublication } from "./catalog/review-publication";
import { auditInstanceStarted } from "./system/instance-started";

export const workflows: AnyWorkflowDefinition[] = [recordAuditEvent, auditInstanceStarted, reviewPublication];

export { auditInstanceStarted, recordAuditEvent, reviewPublication };

// Every workflow definition, the list that Inngest's `serve` and the in-process runner both take.
import type { AnyWorkflowDefinition } from "../define";
import { watchAgentCredentials } from "./agents/credential-rotation";
import { followDesignJob } from "./agents/deployment";
import { timeOutForgottenDesignJobs } from "./agents/forgotten-jobs";
import { checkAgentLiveness } from "./agents/liveness";
import { recordAuditEvent } from "./audit/record-event";
import { reviewPublication } from "./catalog/review-publication";
import { finishAgentPerformanceRun } from "./performance/agent-run";
import { resumeAgentPerformanceRuns } from "./performance/resume-agent-runs";
import { runDuePerformanceSchedules } from "./performance/scheduled-runs";
import { auditInstanceStarted } from "./system/instance-started";

export const workflows: AnyWorkflowDefinition[] = [
  recordAuditEvent,
  auditInstanceStarted,
  reviewPublication,
  followDesignJob,
  checkAgentLiveness,
  watchAgentCredentials,
  timeOutForgottenDesignJobs,
  runDuePerformanceSchedules,
  finishAgentPerformanceRun,
  resumeAgentPerformanceRuns,
];

export {
  auditInstanceStarted,
  checkAgentLiveness,
  finishAgentPerformanceRun,
  followDesignJob,
  recordAuditEvent,
  resumeAgentPerformanceRuns,
  reviewPublication,
  runDuePerformanceSchedules,
  timeOutForgottenDesignJobs,
  watchAgentCredentials,
};

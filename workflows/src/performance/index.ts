// What a performance run's outcome is made of, shared by the API (local runs, imports, reads) and the
// workflow that finishes in-cluster runs: thresholds, the stored record, and the merge of agents' reports.

export {
  agentRunReported,
  allAgentsReported,
  collectAgentRun,
  mergeSeries,
  recordAgentRunSeconds,
} from "./agent-run";
export { agentRunReportedEvent, agentRunStartedEvent } from "./agent-run-events";
export {
  deadlineOf,
  erroredRecord,
  evaluateRun,
  failedCount,
  type Measured,
  type RunSummary,
  recordOf,
  summaryOf,
  thresholdsOf,
} from "./outcome";
export {
  evaluateThresholds,
  type Metrics,
  parseThreshold,
  parseThresholds,
  type Threshold,
  ThresholdError,
  type ThresholdOutcome,
} from "./thresholds";

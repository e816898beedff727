// The events that hand an in-cluster run to the workflow finishing it; their ids make a repeat a no-op.
import type { PerformanceResult } from "@meshplane/db/queries";
import type { WorkflowEvent } from "../events";
import { deadlineOf } from "./outcome";

export function agentRunStartedEvent(row: PerformanceResult): WorkflowEvent<"performance/agent-run.started"> {
  const deadline = deadlineOf(row);
  if (!deadline) throw new Error(`performance result ${row.id} has no deadline`);
  return {
    name: "performance/agent-run.started",
    id: `performance-agent-run-started-${row.id}`,
    data: { resultId: row.id, organizationId: row.organizationId, deadlineAt: deadline.toISOString() },
  };
}

export function agentRunReportedEvent(
  row: PerformanceResult,
): WorkflowEvent<"performance/agent-run.reported"> {
  return {
    name: "performance/agent-run.reported",
    id: `performance-agent-run-reported-${row.id}`,
    data: { resultId: row.id, organizationId: row.organizationId },
  };
}

// The events that hand an in-cluster run to the workflow finishing it; their ids make a repeat a no-op.
import type { PerformanceResult } from "@meshplane/db/queries";
import type { WorkflowEvent } from "../events";
import { deadlineOf } from "./outcome";

type Started = WorkflowEvent<"performance/agent-run.started">;

export function agentRunStartedEvent(row: PerformanceResult): Started {
  const deadline = deadlineOf(row);
  if (!deadline) throw new Error(`performance result ${row.id} has no deadline`);
  return agentRunStartedEventOf({
    resultId: row.id,
    organizationId: row.organizationId,
    deadlineAt: deadline.toISOString(),
  });
}

export function agentRunStartedEventOf(data: Started["data"]): Started {
  return {
    name: "performance/agent-run.started",
    id: `performance-agent-run-started-${data.resultId}`,
    data,
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

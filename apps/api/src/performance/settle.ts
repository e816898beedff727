// Brings a running result up to date when it is read: an agent run is collected once its agents reported, and
// a local run past its deadline that never reported is ended as errored (the process running it died).
import { finishPerformanceResult, getPerformanceResult, type PerformanceResult } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import { collectAgentRun, deadlineOf, erroredRecord } from "@meshplane/workflows/performance";

export async function settleResult(
  db: Db,
  row: PerformanceResult,
  now = new Date(),
): Promise<PerformanceResult> {
  if (row.status !== "running") return row;
  if (row.source === "agents") return collectAgentRun(db, row, { now });
  const deadline = deadlineOf(row);
  if (deadline === null || deadline > now) return row;
  const lost = await finishPerformanceResult(db, {
    organizationId: row.organizationId,
    id: row.id,
    ...erroredRecord(
      `the run stopped reporting: no outcome by ${deadline.toISOString()} (was the process running it restarted?)`,
      row.runnerResults,
    ),
  });
  // Another reader finished it first: answer with what it wrote.
  return lost ?? (await getPerformanceResult(db, { organizationId: row.organizationId, id: row.id })) ?? row;
}

// Finishes a load test dispatched to cluster agents: waits until every agent has reported (the API announces
// the last report) or the run's deadline passes, then merges the agents' histograms exactly, evaluates the
// profile's thresholds, writes the result once and records the event. A read of the result in the meantime
// may finish it first; then this workflow finds it finished and writes nothing.
import { getPerformanceResult } from "@meshplane/db/queries";
import { NonRetriableError } from "inngest";
import { defineWorkflow } from "../../define";
import { allAgentsReported, collectAgentRun } from "../../performance/agent-run";

export const finishAgentPerformanceRun = defineWorkflow({
  id: "finish-agent-performance-run",
  event: "performance/agent-run.started",
  retries: 3,
  handler: async ({ event, step, db }) => {
    const { resultId, organizationId, deadlineAt } = event.data;
    const scope = { organizationId, id: resultId };
    const checked = await step.run("check the agents' reports", async () => {
      const row = await getPerformanceResult(db, scope);
      // The run route writes the result before it sends the event, so a missing one will never appear.
      if (!row) throw new NonRetriableError(`No performance result ${resultId} in ${organizationId}`);
      const waiting = row.status === "running" && !(await allAgentsReported(db, row));
      return { waiting, at: Date.now() };
    });
    if (checked.waiting) {
      // On Inngest a report landing between the check and this wait is not seen by it (the in-process runner
      // hands it over); a read of the result then finishes the run, and the deadline bounds the wait anyway.
      await step.waitForEvent("the last agent's report", {
        event: "performance/agent-run.reported",
        match: "data.resultId",
        timeout: Math.max(0, new Date(deadlineAt).getTime() - checked.at),
      });
    }
    return step.run("merge the reports and evaluate the thresholds", async () => {
      const row = await getPerformanceResult(db, scope);
      if (!row) throw new NonRetriableError(`Performance result ${resultId} disappeared`);
      const done = await collectAgentRun(db, row, { force: true });
      return { status: done.status, passed: done.passed, error: done.error };
    });
  },
});

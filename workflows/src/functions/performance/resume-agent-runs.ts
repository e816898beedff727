// At a one-machine process's start, hands the in-cluster runs still running back to the workflow that
// finishes them: the old process's waits were in its memory. On Inngest the waits outlive any process, and
// the events' ids make the hand-over a no-op there.
import { listRunningAgentPerformanceResults } from "@meshplane/db/queries";
import { defineWorkflow } from "../../define";
import { agentRunStartedEvent } from "../../performance/agent-run-events";

/** More at once than this are left to be finished when read, at their deadline. */
const MAX_RESUMED = 500;

export const resumeAgentPerformanceRuns = defineWorkflow({
  id: "resume-agent-performance-runs",
  event: "system/instance.started",
  retries: 2,
  handler: async ({ step, db }) => {
    const running = await step.run("find the running in-cluster runs", async () =>
      (await listRunningAgentPerformanceResults(db, { limit: MAX_RESUMED })).flatMap((row) => {
        try {
          return [agentRunStartedEvent(row)];
        } catch {
          // A run without a deadline predates deadlines: a read ends it.
          return [];
        }
      }),
    );
    if (running.length > 0) await step.sendEvent("hand them to their finisher", running);
    return { resumed: running.length };
  },
});

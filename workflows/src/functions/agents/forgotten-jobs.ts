// Times out design jobs that no workflow is waiting for any more (say the one-machine runner restarted mid-wait).
import { listForgottenAgentJobs, markAgentJobTimedOut, recordEvent } from "@meshplane/db/queries";
import { defineWorkflow } from "../../define";
import { isUniqueViolation, uuidFromKey } from "../../idempotency";
import { DESIGN_JOB_RESULT_TIMEOUT_MS } from "./deployment";

/** Past the longest a follow-design-job run can wait (its timeout plus the longest health wait), and then some. */
export const FORGOTTEN_AFTER_MS = DESIGN_JOB_RESULT_TIMEOUT_MS + 3_600_000 + 5 * 60_000;
const designJobKinds = ["deploy", "undeploy", "dryRun"];

export const timeOutForgottenDesignJobsWith = (options: { forgottenAfterMs: number; now?: () => number }) =>
  defineWorkflow({
    id: "time-out-forgotten-design-jobs",
    event: "agents/design-jobs.scheduled",
    cron: "*/5 * * * *",
    retries: 2,
    handler: async ({ step, db }) =>
      step.run("time out forgotten jobs", async () => {
        const olderThan = new Date((options.now ?? Date.now)() - options.forgottenAfterMs);
        const forgotten = await listForgottenAgentJobs(db, { kinds: designJobKinds, olderThan, limit: 200 });
        const timedOut: string[] = [];
        for (const job of forgotten) {
          const marked = await markAgentJobTimedOut(db, {
            organizationId: job.organizationId,
            id: job.id,
            timeoutSeconds: Math.round(options.forgottenAfterMs / 1000),
          });
          if (!marked.changed || !marked.job) continue;
          timedOut.push(job.id);
          try {
            // The same id as the deployment workflow's outcome event: one outcome per job, whoever records it.
            await recordEvent(db, {
              id: await uuidFromKey(`design-job-outcome:${job.id}`),
              organizationId: job.organizationId,
              actorType: "system",
              action: `design.${job.kind}.timed_out`,
              severity: "warning",
              resourceType: "design",
              ...(typeof job.payload.designId === "string" ? { resourceId: job.payload.designId } : {}),
              description:
                `The ${job.kind} job timed out with no workflow following it. ${marked.job.error ?? ""}`.trim(),
              metadata: { jobId: job.id, agentId: job.agentId },
            });
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
          }
        }
        return { timedOut };
      }),
  });

export const timeOutForgottenDesignJobs = timeOutForgottenDesignJobsWith({
  forgottenAfterMs: FORGOTTEN_AFTER_MS,
});

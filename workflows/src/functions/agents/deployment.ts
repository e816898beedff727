// Follows a deploy, undeploy or dry run: waits for the agent's result, times the job out, records the outcome.
import {
  type AgentJob,
  getOrganizationAgentJob,
  isTimedOutJob,
  markAgentJobTimedOut,
  recordEvent,
} from "@meshplane/db/queries";
import { NonRetriableError } from "inngest";
import { defineWorkflow } from "../../define";
import type { EventData } from "../../events";
import { isUniqueViolation, uuidFromKey } from "../../idempotency";

/** How long the agent has to report, on top of the health wait a deploy asked for. */
export const DESIGN_JOB_RESULT_TIMEOUT_MS = 15 * 60_000;

type Request = EventData<"agents/design-job.requested">;
type Outcome = { status: "succeeded" | "failed" | "timedOut"; objects: number; failedObjects: number };

const verbs = { deploy: "Deployment", undeploy: "Undeployment", dryRun: "Dry run" } as const;

/** The workflow with its result timeout; tests pass milliseconds where production waits minutes. */
export const followDesignJobWith = (options: { resultTimeoutMs: number }) =>
  defineWorkflow({
    id: "follow-design-job",
    event: "agents/design-job.requested",
    retries: 3,
    handler: async ({ event, step, db }) => {
      const request = event.data;
      const timeoutMs = options.resultTimeoutMs + (request.healthTimeoutSeconds ?? 0) * 1000;
      const found = await step.run("find the queued job", async () => {
        const job = await getOrganizationAgentJob(db, {
          organizationId: request.organizationId,
          id: request.jobId,
        });
        // The request route queues the job before sending the event, so a missing job will never appear.
        if (!job)
          throw new NonRetriableError(`No job ${request.jobId} in organisation ${request.organizationId}`);
        return { finished: job.status === "succeeded" || job.status === "failed" };
      });
      if (!found.finished) {
        // On Inngest a result that lands before this wait starts is not seen by it, and the check after the
        // wait catches it at the timeout; the in-process runner hands such an early result to the wait.
        await step.waitForEvent("the agent's result", {
          event: "agents/job.finished",
          timeout: timeoutMs,
          match: "data.jobId",
        });
      }
      return step.run("record the outcome", async () => {
        const timedOut = await markAgentJobTimedOut(db, {
          organizationId: request.organizationId,
          id: request.jobId,
          timeoutSeconds: Math.round(timeoutMs / 1000),
        });
        if (!timedOut.job) throw new NonRetriableError(`Job ${request.jobId} disappeared`);
        const outcome = outcomeOf(timedOut.job);
        await recordOutcomeEvent(db, request, timedOut.job, outcome);
        return outcome;
      });
    },
  });

export const followDesignJob = followDesignJobWith({ resultTimeoutMs: DESIGN_JOB_RESULT_TIMEOUT_MS });

function outcomeOf(job: AgentJob): Outcome {
  const objects = objectsOf(job.result);
  const failedObjects = objects.filter((object) => object.action === "failed" || object.error).length;
  const status = isTimedOutJob(job) ? "timedOut" : job.status === "succeeded" ? "succeeded" : "failed";
  return { status, objects: objects.length, failedObjects };
}

function objectsOf(result: unknown): { action?: unknown; error?: unknown }[] {
  if (!result || typeof result !== "object" || !("objects" in result)) return [];
  const objects = (result as { objects: unknown }).objects;
  return Array.isArray(objects) ? objects.filter((o) => o && typeof o === "object") : [];
}

/** One audit row per job; its id derives from the job, so a retried step does not write a second one. */
async function recordOutcomeEvent(
  db: Parameters<typeof recordEvent>[0],
  request: Request,
  job: AgentJob,
  outcome: Outcome,
): Promise<void> {
  const verb = verbs[request.kind];
  const where = `"${request.designName}" on connection ${request.connectionId}`;
  const description =
    outcome.status === "timedOut"
      ? `${verb} of ${where} timed out. ${job.error ?? ""}`.trim()
      : outcome.status === "succeeded"
        ? `${verb} of ${where} succeeded (${outcome.objects} objects)`
        : `${verb} of ${where} failed: ${job.error ?? "the agent reported a failure"}`;
  try {
    await recordEvent(db, {
      id: await uuidFromKey(`design-job-outcome:${job.id}`),
      organizationId: request.organizationId,
      actorType: "system",
      action: `design.${request.kind}.${outcome.status === "timedOut" ? "timed_out" : outcome.status}`,
      severity: outcome.status === "succeeded" ? "info" : outcome.status === "timedOut" ? "warning" : "error",
      resourceType: "design",
      resourceId: request.designId,
      description: description.slice(0, 2_000),
      metadata: {
        jobId: job.id,
        connectionId: request.connectionId,
        agentId: request.agentId,
        requestedById: request.requestedById,
        objects: outcome.objects,
        failedObjects: outcome.failedObjects,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

// Owns the job channel's receiving side: long-poll, acknowledge, run each job once, journal its outcome.
import { backoffDelay, sleep } from "./backoff";
import type { JobJournal } from "./job-journal";
import type { Logger } from "./log";
import { type AgentJob, type JobOutcome, MeshplaneApiError, type MeshplaneClient } from "./meshplane-client";

/** Runs one job kind; `job` names the job, for handlers that report on it while they run. */
export type JobHandler = (
  payload: Record<string, unknown>,
  signal: AbortSignal,
  job: { id: string },
) => Promise<JobOutcome>;

export interface JobLoopDeps {
  client: MeshplaneClient;
  journal: JobJournal;
  handlers: Record<string, JobHandler>;
  log: Logger;
  onOutcome: () => void;
  /** Called between polls, e.g. to rotate the credential when it is due. */
  beforePoll?: () => Promise<void>;
  waitSeconds?: number;
}

async function runHandler(deps: JobLoopDeps, job: AgentJob, signal: AbortSignal): Promise<JobOutcome> {
  const handler = deps.handlers[job.kind];
  if (!handler)
    return { status: "failed", result: null, error: `this agent has no handler for "${job.kind}" jobs` };
  try {
    return await handler(job.payload, signal, { id: job.id });
  } catch (error) {
    return { status: "failed", result: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs one delivered job; a job the journal already holds is not applied again, only reported again. */
export async function takeJob(deps: JobLoopDeps, job: AgentJob, signal: AbortSignal): Promise<void> {
  const known = deps.journal.get(job.id);
  if (known) {
    deps.log.info("job delivered again; already applied, reporting its outcome", { jobId: job.id });
    if (known.reported) await deps.client.reportResult(job.id, known.outcome);
    else deps.onOutcome();
    return;
  }
  try {
    await deps.client.acknowledge(job.id);
  } catch (error) {
    // Not ours (404): never run it. Anything else is a flaky link; the result is keyed by job id, so run anyway.
    if (error instanceof MeshplaneApiError && error.status === 404) {
      deps.log.warn("the API no longer knows this job; skipping it", { jobId: job.id });
      return;
    }
    deps.log.warn("could not acknowledge a job; running it anyway", { jobId: job.id, err: error });
  }
  deps.log.info("running job", { jobId: job.id, kind: job.kind, attempt: job.attempts });
  const outcome = await runHandler(deps, job, signal);
  await deps.journal.recordOutcome(job.id, job.kind, outcome);
  deps.log.info("job finished", { jobId: job.id, kind: job.kind, status: outcome.status });
  deps.onOutcome();
}

export async function pollJobs(deps: JobLoopDeps, signal: AbortSignal): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    if (deps.journal.full()) {
      // Bounded queue: stop taking work until results drain, rather than grow the state dir without end.
      deps.log.warn("result queue full; pausing job polling");
      await sleep(5_000, signal);
      continue;
    }
    try {
      await deps.beforePoll?.();
      const page = await deps.client.pollJobs(deps.waitSeconds ?? 25, signal);
      failures = 0;
      for (const job of page.jobs) {
        if (signal.aborted) return;
        await takeJob(deps, job, signal);
      }
      await sleep(page.nextPollSeconds * 1000, signal);
    } catch (error) {
      if (signal.aborted) return;
      const unauthorized = error instanceof MeshplaneApiError && error.status === 401;
      deps.log[unauthorized ? "error" : "warn"]("polling for jobs failed, will retry", { err: error });
      await sleep(backoffDelay(failures++), signal);
    }
  }
}

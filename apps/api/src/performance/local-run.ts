// A run on this machine (the one-machine mode): the generator's seconds are appended to the running result as
// they close, so readers see live progress; the outcome is written once at the end, whatever happens.
import {
  appendPerformanceSeries,
  finishPerformanceResult,
  getPerformanceResult,
  loadRequestOf,
  type PerformanceProfile,
  type PerformanceResult,
  recordEvent,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import { type AnyWorkflowDefinition, runDuePerformanceSchedulesWith, workflows } from "@meshplane/workflows";
import { erroredRecord, recordOf, thresholdsOf } from "@meshplane/workflows/performance";
import type { PerformanceRunner, RunOutcome } from "./runner";

/** The generator's result without what is stored elsewhere (series, histograms): Meshery's runner_results. */
export function rawOf(outcome: RunOutcome): Record<string, unknown> {
  const {
    histogram: _histogram,
    serviceTimeHistogram: _service,
    perSecond: _series,
    perThread,
    ...rest
  } = outcome;
  return { ...rest, perThread: perThread.map(({ requests, busy }) => ({ requests, busy })) };
}

/** Runs in the background of the request that started it; resolves once the result is finished. */
export async function runLocally(
  db: Db,
  runner: PerformanceRunner,
  profile: PerformanceProfile,
  resultId: string,
): Promise<void> {
  const scope = { organizationId: profile.organizationId, id: resultId };
  // Seconds are written in order, one update at a time, and all are in before the outcome is written.
  let writes: Promise<unknown> = Promise.resolve();
  const onSecond = (second: unknown) => {
    writes = writes
      .then(() => appendPerformanceSeries(db, { ...scope, seconds: [second] }))
      .catch((error: unknown) =>
        console.error(`performance result ${resultId}: a live second was lost`, error),
      );
  };
  const request = loadRequestOf(profile);
  // What the start wrote (the plan, and who or what started it) stays in the finished result.
  const started = (await getPerformanceResult(db, scope))?.runnerResults as
    | Record<string, unknown>
    | undefined;
  const kept = { plan: started?.plan, trigger: started?.trigger };
  let done: PerformanceResult | undefined;
  try {
    const outcome = await runner.run(request, { onSecond });
    await writes;
    done = await finishPerformanceResult(db, {
      ...scope,
      ...recordOf(
        {
          requests: outcome.requests,
          durationMs: outcome.durationMs,
          requestedDurationMs: request.durationMs,
          connections: outcome.connections,
          rate: outcome.rate,
          latency: outcome.latency,
          histogram: outcome.histogram,
          perSecond: outcome.perSecond,
          statusCodes: outcome.statusCodes,
          errors: outcome.errors,
          endedEarly: outcome.endedEarly,
        },
        thresholdsOf(profile),
        { ...kept, ...rawOf(outcome) },
      ),
    });
  } catch (error) {
    await writes;
    const cause = error instanceof Error ? error.message : String(error);
    done = await finishPerformanceResult(db, { ...scope, ...erroredRecord(cause, kept) });
  }
  // Undefined when a reader ended it first (the run outlived its deadline): that reader's outcome stands.
  if (!done) return;
  await recordEvent(db, {
    organizationId: done.organizationId,
    actorType: "system",
    action: "performance.run_finished",
    severity: done.status === "passed" ? "info" : "warning",
    resourceType: "performance_result",
    resourceId: done.id,
    description:
      `The load test "${done.name}" from this machine ${done.status}${done.error ? `: ${done.error}` : ""}`.slice(
        0,
        2_000,
      ),
    metadata: { profileId: done.profileId },
  });
}

/**
 * The workflows of the one-machine mode: schedules without clusters run on this machine's generator. `now` is
 * the schedules' clock, replaceable in tests.
 */
export function oneMachineWorkflows(
  db: Db,
  runner: PerformanceRunner,
  options: { now?: () => number } = {},
): AnyWorkflowDefinition[] {
  const schedules = runDuePerformanceSchedulesWith({
    ...options,
    runHere: (profile, resultId) => runLocally(db, runner, profile, resultId),
  });
  return workflows.map((definition) => (definition.id === schedules.id ? schedules : definition));
}

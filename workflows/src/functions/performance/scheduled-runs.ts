// Every minute, claims the performance schedules that are due and starts each one's run, once: on its
// clusters' agents (then the finish-agent-performance-run workflow takes it over), or, for a schedule without
// clusters, on this machine where the deployment can run load tests itself (the one-machine mode). The claim
// moves the schedule on, and the start, the schedule's link to its result and the event are one transaction,
// so a retried step never starts a second run.
import {
  claimDuePerformanceSchedules,
  DomainError,
  dispatchAgentPerformanceRun,
  finishPerformanceResult,
  getPerformanceProfile,
  getPerformanceResult,
  getPerformanceSchedule,
  goDurationMs,
  PERFORMANCE_RUN_GRACE_MS,
  type PerformanceProfile,
  recordEvent,
  recordScheduledPerformanceRun,
  startPerformanceResult,
  withTransaction,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import { defineWorkflow } from "../../define";
import { agentRunStartedEventOf } from "../../performance/agent-run-events";
import { deadlineOf } from "../../performance/outcome";

type Claimed = {
  id: string;
  organizationId: string;
  profileId: string;
  name: string;
  connectionIds: string[];
};

/** Runs a profile's load test on this machine until it is finished; given only where that is possible. */
export type RunHere = (profile: PerformanceProfile, resultId: string) => Promise<void>;

type Started = {
  scheduleId: string;
  resultId: string | null;
  error: string | null;
  /** Where the run goes on: its agents, this machine, or nowhere (it could not start). */
  where: "agents" | "here" | null;
  /** When a run on agents counts as lost, for the workflow that finishes it. */
  deadlineAt?: string;
};

const NOWHERE_TO_RUN =
  "the schedule names no cluster connection, and this deployment cannot run load tests itself: add a cluster to the schedule";

async function startScheduledRun(db: Db, schedule: Claimed, at: Date, canRunHere: boolean): Promise<Started> {
  return withTransaction(db, async (tx): Promise<Started> => {
    // A step retried after its transaction committed finds the run it started: the schedule points at it.
    const current = await getPerformanceSchedule(tx, {
      organizationId: schedule.organizationId,
      id: schedule.id,
    });
    const last = current?.lastResultId
      ? await getPerformanceResult(tx, { organizationId: schedule.organizationId, id: current.lastResultId })
      : undefined;
    const lastTrigger = (last?.runnerResults as { trigger?: { scheduledAt?: string } } | undefined)?.trigger;
    if (last && lastTrigger?.scheduledAt === at.toISOString()) {
      const where = last.status !== "running" ? null : last.source === "agents" ? "agents" : "here";
      const deadlineAt = deadlineOf(last)?.toISOString();
      return {
        scheduleId: schedule.id,
        resultId: last.id,
        error: last.error,
        where,
        ...(deadlineAt ? { deadlineAt } : {}),
      };
    }
    const profile = await getPerformanceProfile(tx, {
      organizationId: schedule.organizationId,
      id: schedule.profileId,
    });
    if (!profile)
      return { scheduleId: schedule.id, resultId: null, error: "the profile is gone", where: null };
    const name = `${profile.name} (scheduled ${at.toISOString()})`;
    const trigger = { scheduleId: schedule.id, scheduledAt: at.toISOString() };
    const scope = { organizationId: schedule.organizationId, id: schedule.id };
    try {
      if (schedule.connectionIds.length === 0) {
        if (!canRunHere) throw new DomainError("invalid_argument", NOWHERE_TO_RUN);
        const durationMs = goDurationMs(profile.duration);
        const result = await startPerformanceResult(tx, {
          organizationId: schedule.organizationId,
          profileId: profile.id,
          name,
          source: "local",
          runnerResults: {
            plan: {
              durationMs,
              deadlineAt: new Date(at.getTime() + durationMs + PERFORMANCE_RUN_GRACE_MS).toISOString(),
            },
            trigger,
          },
        });
        await recordScheduledPerformanceRun(tx, { ...scope, resultId: result.id });
        await recordEvent(tx, {
          organizationId: schedule.organizationId,
          actorType: "system",
          action: "performance.scheduled_run_started",
          resourceType: "performance_result",
          resourceId: result.id,
          description: `Schedule "${schedule.name || schedule.id}" started a load test of "${profile.name}" from this machine`,
          metadata: { scheduleId: schedule.id, profileId: profile.id },
        });
        return { scheduleId: schedule.id, resultId: result.id, error: null, where: "here" };
      }
      const { result, parts } = await dispatchAgentPerformanceRun(tx, {
        organizationId: schedule.organizationId,
        profile,
        connectionIds: schedule.connectionIds,
        name,
        trigger,
        now: at,
      });
      await recordScheduledPerformanceRun(tx, { ...scope, resultId: result.id });
      await recordEvent(tx, {
        organizationId: schedule.organizationId,
        actorType: "system",
        action: "performance.scheduled_run_started",
        resourceType: "performance_result",
        resourceId: result.id,
        description: `Schedule "${schedule.name || schedule.id}" started a load test of "${profile.name}" on ${parts.length} cluster${parts.length === 1 ? "" : "s"}`,
        metadata: { scheduleId: schedule.id, profileId: profile.id, jobIds: parts.map((part) => part.jobId) },
      });
      const deadlineAt = deadlineOf(result)?.toISOString();
      return {
        scheduleId: schedule.id,
        resultId: result.id,
        error: null,
        where: "agents",
        ...(deadlineAt ? { deadlineAt } : {}),
      };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The run could not start (an agent is gone...): an errored result says so where runs are looked at.
      const result = await startPerformanceResult(tx, {
        organizationId: schedule.organizationId,
        profileId: profile.id,
        name,
        source: "agents",
        runnerResults: { trigger },
      });
      await finishPerformanceResult(tx, {
        organizationId: schedule.organizationId,
        id: result.id,
        status: "errored",
        passed: false,
        error: `the scheduled run could not start: ${error.message}`,
        histogram: null,
        percentiles: {},
        statusCodes: {},
        runnerResults: { trigger, error: error.message },
      });
      await recordScheduledPerformanceRun(tx, { ...scope, resultId: result.id });
      await recordEvent(tx, {
        organizationId: schedule.organizationId,
        actorType: "system",
        action: "performance.scheduled_run_failed",
        severity: "warning",
        resourceType: "performance_result",
        resourceId: result.id,
        description: `Schedule "${schedule.name || schedule.id}" could not start a load test of "${profile.name}": ${error.message}`,
        metadata: { scheduleId: schedule.id, profileId: profile.id },
      });
      return { scheduleId: schedule.id, resultId: result.id, error: error.message, where: null };
    }
  });
}

/**
 * `now` is the clock, replaceable in tests. `runHere` runs a schedule without clusters on this machine; the
 * one-machine API passes its generator, and without it such a schedule's run ends errored, saying why.
 */
export const runDuePerformanceSchedulesWith = (options: { now?: () => number; runHere?: RunHere } = {}) =>
  defineWorkflow({
    id: "run-due-performance-schedules",
    event: "performance/schedules.scheduled",
    cron: "* * * * *",
    retries: 2,
    handler: async ({ step, db }) => {
      const claim = await step.run("claim due schedules", async () => {
        const at = new Date((options.now ?? Date.now)());
        const rows = await claimDuePerformanceSchedules(db, { now: at });
        const schedules: Claimed[] = rows.map(({ id, organizationId, profileId, name, connectionIds }) => ({
          id,
          organizationId,
          profileId,
          name,
          connectionIds,
        }));
        return { at: at.toISOString(), schedules };
      });
      const started: Started[] = [];
      for (const schedule of claim.schedules) {
        const run = await step.run(`start the run of schedule ${schedule.id}`, () =>
          startScheduledRun(db, schedule, new Date(claim.at), options.runHere !== undefined),
        );
        started.push(run);
        const resultId = run.resultId;
        if (resultId === null) continue;
        if (run.where === "agents" && run.deadlineAt) {
          await step.sendEvent(
            `hand the run of schedule ${schedule.id} on`,
            agentRunStartedEventOf({
              resultId,
              organizationId: schedule.organizationId,
              deadlineAt: run.deadlineAt,
            }),
          );
        }
        const runHere = options.runHere;
        if (run.where === "here" && runHere) {
          await step.run(`run schedule ${schedule.id}'s test here`, async () => {
            const profile = await getPerformanceProfile(db, {
              organizationId: schedule.organizationId,
              id: schedule.profileId,
            });
            // The test outlasts this step: it runs on, writing its live seconds and then its outcome, and a
            // result nobody finishes is ended at its deadline when read.
            if (profile) {
              void runHere(profile, resultId).catch((error: unknown) =>
                console.error(`performance result ${resultId}: the scheduled run failed`, error),
              );
            }
            return { running: profile !== undefined };
          });
        }
      }
      return { started };
    },
  });

export const runDuePerformanceSchedules = runDuePerformanceSchedulesWith();

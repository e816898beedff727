// Every minute, claims the performance schedules that are due and starts each one's run on its clusters'
// agents, once: the claim moves the schedule on, and the dispatch, the schedule's link to its result and the
// event are one transaction, so a retried step never starts a second run.
import {
  claimDuePerformanceSchedules,
  DomainError,
  dispatchAgentPerformanceRun,
  finishPerformanceResult,
  getPerformanceProfile,
  getPerformanceResult,
  getPerformanceSchedule,
  recordEvent,
  recordScheduledPerformanceRun,
  startPerformanceResult,
  withTransaction,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import { defineWorkflow } from "../../define";

type Claimed = {
  id: string;
  organizationId: string;
  profileId: string;
  name: string;
  connectionIds: string[];
};

async function startScheduledRun(db: Db, schedule: Claimed, at: Date) {
  return withTransaction(db, async (tx) => {
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
      return { scheduleId: schedule.id, resultId: last.id, error: last.error };
    }
    const profile = await getPerformanceProfile(tx, {
      organizationId: schedule.organizationId,
      id: schedule.profileId,
    });
    if (!profile) return { scheduleId: schedule.id, resultId: null, error: "the profile is gone" };
    const name = `${profile.name} (scheduled ${at.toISOString()})`;
    const trigger = { scheduleId: schedule.id, scheduledAt: at.toISOString() };
    const scope = { organizationId: schedule.organizationId, id: schedule.id };
    try {
      if (schedule.connectionIds.length === 0) {
        throw new DomainError("invalid_argument", "the schedule names no cluster connection to run on");
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
      return { scheduleId: schedule.id, resultId: result.id, error: null };
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
      return { scheduleId: schedule.id, resultId: result.id, error: error.message };
    }
  });
}

/** `now` is the clock, replaceable in tests. */
export const runDuePerformanceSchedulesWith = (options: { now?: () => number } = {}) =>
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
      const started = [];
      for (const schedule of claim.schedules) {
        started.push(
          await step.run(`start the run of schedule ${schedule.id}`, () =>
            startScheduledRun(db, schedule, new Date(claim.at)),
          ),
        );
      }
      return { started };
    },
  });

export const runDuePerformanceSchedules = runDuePerformanceSchedulesWith();

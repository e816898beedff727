// A profile's schedule: loaded on the server, edited in the browser; says so plainly when the API has none yet.
import { formatDateTime } from "../lib/designs-format";
import { type AgentConnection, isMissingRoute, listSchedules, type PerfSchedule } from "../lib/performance";
import { PerfScheduleEditor } from "./perf-schedule-editor";

type Props = { token: string; orgId: string; profileId: string; connections: AgentConnection[] };

export async function PerfSchedulePanel({ token, orgId, profileId, connections }: Props) {
  let schedules: PerfSchedule[] | null;
  try {
    schedules = await listSchedules(token, orgId, profileId);
  } catch (error) {
    if (!isMissingRoute(error)) throw error;
    schedules = null;
  }
  const schedule = schedules?.[0];
  return (
    <section className="panel" id="schedule" aria-labelledby="schedule-title">
      <header className="panel-head">
        <h2 id="schedule-title">Schedule</h2>
        {schedule && (
          <span
            className={`perf-verdict perf-tone-${schedule.enabled ? "ok" : "muted"}`}
            data-testid="schedule-state"
          >
            {schedule.enabled ? "Enabled" : "Disabled"}
          </span>
        )}
      </header>
      {schedules === null ? (
        <p className="muted" data-testid="schedules-unavailable">
          Scheduled runs are not available yet: this API has no schedules. Runs start from the Run button.
        </p>
      ) : (
        <>
          {schedule && (
            <p className="muted" data-testid="schedule-where">
              {schedule.connectionIds.length === 0
                ? "Runs from this machine. "
                : `Runs through ${schedule.connectionIds.length === 1 ? "1 cluster's agent" : `${schedule.connectionIds.length} clusters' agents`}. `}
              {schedule.lastRunAt ? `Last ran ${formatDateTime(schedule.lastRunAt)}. ` : "Has not run yet. "}
              {schedule.enabled && schedule.nextRunAt
                ? `Next run ${formatDateTime(schedule.nextRunAt)}.`
                : ""}
            </p>
          )}
          <PerfScheduleEditor
            profileId={profileId}
            {...(schedule ? { scheduleId: schedule.id } : {})}
            cronExpression={schedule?.cronExpression ?? "0 3 * * *"}
            enabled={schedule?.enabled ?? true}
            connections={connections}
            chosen={schedule?.connectionIds ?? connections.slice(0, 1).map((connection) => connection.id)}
            nowIso={new Date().toISOString()}
          />
        </>
      )}
    </section>
  );
}

"use client";
// The cron editor: the expression said in words and its next run times, recomputed as it is typed.
import { useEffect, useState } from "react";
import { deleteScheduleAction, saveScheduleAction } from "../app/performance/actions";
import { formatDateTime } from "../lib/designs-format";
import type { AgentConnection } from "../lib/performance";
import { explainCron } from "../lib/performance-cron";

type Props = {
  profileId: string;
  /** The clusters whose agents can run it, and those the schedule uses. */
  connections: AgentConnection[];
  chosen: string[];
  scheduleId?: string;
  cronExpression: string;
  enabled: boolean;
  /** The server's clock for the first render, so the browser's first paint lists the same times. */
  nowIso: string;
};

const examples = [
  ["*/30 * * * *", "every half hour"],
  ["0 3 * * *", "nightly at 03:00"],
  ["0 9 * * 1-5", "weekdays at 09:00"],
] as const;

export function PerfScheduleEditor({
  profileId,
  scheduleId,
  cronExpression,
  enabled,
  connections,
  chosen,
  nowIso,
}: Props) {
  const [expression, setExpression] = useState(cronExpression);
  const [now, setNow] = useState(() => new Date(nowIso));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const explained = explainCron(expression, now, 5);
  return (
    <div className="stack">
      <form action={saveScheduleAction} className="stack" aria-label="Schedule">
        <input type="hidden" name="profileId" value={profileId} />
        {scheduleId && <input type="hidden" name="scheduleId" value={scheduleId} />}
        <div className="row">
          <label className="field">
            Cron expression <small>minute hour day-of-month month day-of-week, in UTC</small>
            <input
              name="cronExpression"
              value={expression}
              onChange={(event) => setExpression(event.currentTarget.value)}
              spellCheck={false}
              className="perf-cron"
              aria-describedby="cron-explained"
              aria-invalid={"error" in explained}
            />
          </label>
          <label className="perf-check">
            <input type="checkbox" name="enabled" defaultChecked={enabled} /> Enabled
          </label>
          <button type="submit" className="button" disabled={"error" in explained}>
            {scheduleId ? "Save the schedule" : "Create the schedule"}
          </button>
        </div>
        <fieldset className="checks">
          <legend>Run through these clusters' agents (none ticked: from this machine)</legend>
          {connections.length === 0 && (
            <p className="muted" data-testid="schedule-no-clusters">
              No cluster in this organization has an agent yet, so the schedule runs from this machine. A
              deployment that cannot run load tests itself refuses that: connect a cluster with the agent.
            </p>
          )}
          {connections.map((connection) => (
            <label key={connection.id}>
              <input
                type="checkbox"
                name="connectionIds"
                value={connection.id}
                defaultChecked={chosen.includes(connection.id)}
              />{" "}
              {connection.name}
            </label>
          ))}
        </fieldset>
        <p className="muted perf-examples">
          Try{" "}
          {examples.map(([value, words], i) => (
            <span key={value}>
              {i > 0 && ", "}
              <button type="button" className="perf-link-button" onClick={() => setExpression(value)}>
                <code>{value}</code>
              </button>{" "}
              ({words})
            </span>
          ))}
        </p>
      </form>
      <div id="cron-explained" aria-live="polite">
        {"error" in explained ? (
          <p className="field-error" data-testid="cron-error">
            {explained.error}
          </p>
        ) : (
          <>
            <p data-testid="cron-description">
              <strong>{explained.description}</strong>
            </p>
            {explained.next.length === 0 ? (
              <p className="muted">It never fires: no date matches.</p>
            ) : (
              <ol className="perf-next-runs" data-testid="cron-next-runs">
                {explained.next.map((date) => (
                  <li key={date.toISOString()}>{formatDateTime(date.toISOString())}</li>
                ))}
              </ol>
            )}
          </>
        )}
      </div>
      {scheduleId && (
        <form action={deleteScheduleAction}>
          <input type="hidden" name="profileId" value={profileId} />
          <input type="hidden" name="scheduleId" value={scheduleId} />
          <button type="submit" className="button button-danger">
            Delete the schedule
          </button>
        </form>
      )}
    </div>
  );
}

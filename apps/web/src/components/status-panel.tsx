// The live status of the API and its database, in each of the three states the health report can take.
import type { HealthReport } from "../lib/health";

const labels = { healthy: "Operational", degraded: "Degraded", unreachable: "Unreachable" } as const;

export function StatusPanel({ report }: { report: HealthReport }) {
  return (
    <section className={`panel status-${report.state}`} aria-labelledby="status-title">
      <header className="panel-head">
        <h2 id="status-title">System status</h2>
        <span className="badge">
          <span className="dot" aria-hidden="true" />
          {labels[report.state]}
        </span>
      </header>
      {report.state === "healthy" && <Healthy report={report} />}
      {report.state === "degraded" && (
        <div className="notice">
          <p>
            The API answers but reports a problem: <strong>{report.message}</strong>
          </p>
          <p className="muted">
            HTTP {report.status} · <code>{report.code}</code>
            {report.requestId ? (
              <>
                {" "}
                · request <code>{report.requestId}</code>
              </>
            ) : null}
          </p>
        </div>
      )}
      {report.state === "unreachable" && (
        <div className="notice">
          <p>
            The web app could not reach the API at <code>{report.url}</code>: {report.reason}.
          </p>
          <p className="muted">
            Start everything with <code>npm start</code>, or point <code>API_URL</code> at a running API.
          </p>
        </div>
      )}
    </section>
  );
}

function Healthy({ report }: { report: Extract<HealthReport, { state: "healthy" }> }) {
  const { health } = report;
  const rows: [string, string][] = [
    ["API version", health.version],
    ["Runtime", health.runtime],
    ["Mode", health.mode],
    ["PostgreSQL", health.database.serverVersion],
    ["Query latency", `${health.database.latencyMs} ms`],
    ["Migrations applied", String(health.database.migrations)],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

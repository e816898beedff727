// An agent's per-object report: the action taken, health, and for failures the reason and the API's causes.
import type { ObjectReport } from "../lib/clusters-format";
import { ClusterState } from "./cluster-state";

export function ClusterObjectResults({ reports }: { reports: ObjectReport[] }) {
  if (reports.length === 0) return <p className="muted">The agent reported no objects.</p>;
  return (
    <table className="table" data-testid="object-results">
      <thead>
        <tr>
          <th>Object</th>
          <th>Result</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((report) => (
          <tr key={`${report.kind}/${report.namespace}/${report.name}`} data-testid="object-result">
            <td>
              {report.kind}{" "}
              <code>
                {report.namespace ? `${report.namespace}/` : ""}
                {report.name}
              </code>
            </td>
            <td>
              <ClusterState state={report.error ? "failed" : "connected"} label={report.action} />
              {report.health && <span className="tag">{report.health}</span>}
            </td>
            <td>
              {report.error ? (
                <>
                  <strong>{report.error.reason || "Failed"}</strong>: {report.error.message}
                  {report.error.causes.length > 0 && (
                    <ul className="object-causes">
                      {report.error.causes.map((cause, index) => (
                        // Causes carry no id; their order is the API server's own.
                        // biome-ignore lint/suspicious/noArrayIndexKey: see above
                        <li key={index}>
                          {cause.field && <code>{cause.field}</code>} {cause.message ?? cause.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ) : report.changes !== null ? (
                `${report.changes} field${report.changes === 1 ? "" : "s"} would change`
              ) : (
                "—"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

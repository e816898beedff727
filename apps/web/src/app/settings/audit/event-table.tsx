// One page of audit events: when, who, what, on which resource; newest first as the API returns them.
import { type AuditEvent, actionLabel, actorLabel } from "../../../lib/audit";

const instant = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function AuditEventTable({ events, emails }: { events: AuditEvent[]; emails: Map<string, string> }) {
  if (events.length === 0) return <p className="muted">Nothing recorded here yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>When (UTC)</th>
          <th>Who</th>
          <th>Action</th>
          <th>What happened</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-testid="audit-row" data-action={event.action}>
            <td style={{ whiteSpace: "nowrap" }}>
              <time dateTime={event.createdAt}>{instant.format(new Date(event.createdAt))}</time>
            </td>
            <td>{actorLabel(event, emails)}</td>
            <td>
              <span className="tag" title={event.action}>
                {actionLabel(event.action)}
              </span>
              {event.severity !== "info" && (
                <>
                  {" "}
                  <span className="tag">{event.severity}</span>
                </>
              )}
            </td>
            <td>
              {event.description}
              {/* Membership events name the member only by id; the email says who it was about. */}
              {event.resourceType === "user" && event.resourceId && emails.has(event.resourceId) && (
                <span className="muted"> · {emails.get(event.resourceId)}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

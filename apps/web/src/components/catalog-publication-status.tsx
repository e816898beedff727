// Where a design stands with the catalog: its latest request and the curator's answer, and the requests before it.
import type { PublicationRequest, PublishedEntry } from "../lib/catalog-review";
import { formatDateTime } from "../lib/designs-format";

const statusText: Record<string, string> = {
  pending: "Waiting for a curator",
  approved: "Approved",
  denied: "Denied",
  withdrawn: "Withdrawn",
};

export function CatalogPublicationStatus({
  requests,
  entry,
}: {
  requests: PublicationRequest[];
  entry: PublishedEntry | null;
}) {
  const [latest] = requests;
  return (
    <div className="stack" data-testid="publication-status">
      <p>
        {entry ? (
          <>
            Published as <a href={`/catalog/${entry.id}`}>{entry.name}</a>{" "}
            <span className="tag">{entry.publishedVersion}</span> since {formatDateTime(entry.publishedAt)}.
          </>
        ) : (
          "Not in the catalog."
        )}
      </p>
      {latest ? (
        <p>
          Latest request:{" "}
          <strong data-testid="publication-request-status">
            {statusText[latest.status] ?? latest.status}
          </strong>
          , sent {formatDateTime(latest.createdAt)}
          {latest.decidedAt ? `, decided ${formatDateTime(latest.decidedAt)}` : ""}.
        </p>
      ) : (
        <p className="muted">No publication request yet.</p>
      )}
      {latest?.status === "denied" && (
        <blockquote className="alert" data-testid="publication-reason">
          The curator's reason: {latest.reason ?? "none given"}
        </blockquote>
      )}
    </div>
  );
}

export function PublicationHistory({ requests }: { requests: PublicationRequest[] }) {
  if (requests.length === 0) return null;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Sent</th>
          <th>Type</th>
          <th>Outcome</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id} data-testid="publication-request">
            <td>{formatDateTime(request.createdAt)}</td>
            <td>{request.type}</td>
            <td>{statusText[request.status] ?? request.status}</td>
            <td>{request.reason ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

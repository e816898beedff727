// One request in the curators' queue: the design as it would be published, its components, and the decision.
import { approveAction, denyAction } from "../app/catalog/review/actions";
import type { PublicationRequest, ReviewedRequest } from "../lib/catalog-review";
import { readDesignContent } from "../lib/designs-content";
import { formatDateTime } from "../lib/designs-format";
import { DesignGraph } from "./design-graph/design-graph";
import { GraphLegend } from "./design-graph/graph-legend";
import { ComponentTable } from "./design-lists";

export function CatalogReviewItem({
  request,
  reviewed,
}: {
  request: PublicationRequest;
  /** Undefined when the design could not be read (deleted since the request). */
  reviewed: ReviewedRequest | undefined;
}) {
  const { components, links } = readDesignContent(reviewed?.design ?? {});
  const titleId = `review-${request.id}`;
  return (
    <article className="panel stack" aria-labelledby={titleId} data-testid="review-item">
      <header className="panel-head">
        <h2 id={titleId}>{reviewed?.designName ?? "A design that can no longer be read"}</h2>
        <span className="tag">{request.type}</span>
        <span className="tag">{request.technology}</span>
        {reviewed && <span className="tag">revision {reviewed.revisionNumber}</span>}
        <span className="muted">asked {formatDateTime(request.createdAt)}</span>
      </header>
      <p>{request.info || <span className="muted">No description given.</span>}</p>
      <p>
        <strong>Caveats:</strong> {request.caveats || <span className="muted">none given.</span>}
      </p>
      {reviewed && (
        <>
          <section className="design-graph-panel" aria-label="Graph">
            <DesignGraph components={components} links={links} />
            <GraphLegend />
          </section>
          <h3>Components ({components.length})</h3>
          <ComponentTable components={components} />
        </>
      )}
      <div className="row catalog-review-decision">
        <form action={approveAction}>
          <input type="hidden" name="requestId" value={request.id} />
          <button type="submit" className="button" disabled={!reviewed}>
            Approve and publish
          </button>
        </form>
        <form action={denyAction} className="stack catalog-form" aria-label="Deny with a reason">
          <input type="hidden" name="requestId" value={request.id} />
          <label className="field">
            Reason for the author
            <textarea name="reason" rows={2} required minLength={3} maxLength={2000} />
          </label>
          <div>
            <button type="submit" className="button button-danger">
              Deny
            </button>
          </div>
        </form>
      </div>
    </article>
  );
}

// A design's revisions, newest first: pick two to compare, or restore one (after a confirming click).
import { restoreRevisionAction } from "../app/designs/[id]/history/actions";
import { designPath, formatDateTime } from "../lib/designs-format";
import type { Revision } from "../lib/designs-history";

type Props = {
  designId: string;
  revisions: Revision[];
  authorName: (id: string | null | undefined) => string;
  selected: { from: number; to: number };
};

export function RevisionTable({ designId, revisions, authorName, selected }: Props) {
  const current = revisions[0]?.number;
  const diffForm = "diff-form";
  return (
    <>
      {/* The radios live in the table rows and belong to this form through their form attribute. */}
      <form
        id={diffForm}
        method="get"
        action={designPath(designId, "/history")}
        className="row design-diff-form"
      >
        <button type="submit" className="button">
          Compare selected
        </button>
        <span className="muted design-small">Pick an older revision in “from” and a newer one in “to”.</span>
      </form>
      <table className="table design-table">
        <thead>
          <tr>
            <th>From</th>
            <th>To</th>
            <th>Revision</th>
            <th>Message</th>
            <th>Author</th>
            <th>Date</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision) => (
            <tr key={revision.number} data-testid="revision-row">
              <td>
                <input
                  type="radio"
                  name="from"
                  value={revision.number}
                  form={diffForm}
                  defaultChecked={revision.number === selected.from}
                  aria-label={`Compare from revision ${revision.number}`}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="to"
                  value={revision.number}
                  form={diffForm}
                  defaultChecked={revision.number === selected.to}
                  aria-label={`Compare to revision ${revision.number}`}
                />
              </td>
              <td>
                <strong>{revision.number}</strong>
                {revision.number === current && <span className="tag design-current">current</span>}
              </td>
              <td>{revision.message}</td>
              <td>{authorName(revision.author)}</td>
              <td>{formatDateTime(revision.createdAt)}</td>
              <td>
                {revision.number !== current && (
                  <details className="design-confirm">
                    <summary className="button button-quiet">Restore…</summary>
                    <form action={restoreRevisionAction}>
                      <input type="hidden" name="designId" value={designId} />
                      <input type="hidden" name="revision" value={revision.number} />
                      <button
                        type="submit"
                        className="button"
                        aria-label={`Restore revision ${revision.number}`}
                      >
                        Make it revision {(current ?? 0) + 1}
                      </button>
                    </form>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

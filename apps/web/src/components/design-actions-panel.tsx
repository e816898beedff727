// What can be done to a design from its page: download it, rename it, see its history, delete it.
import { deleteDesignAction, renameDesignAction } from "../app/designs/[id]/actions";
import type { DesignRecord } from "../lib/designs";
import { designPath, formatDateTime } from "../lib/designs-format";

export function DesignActionsPanel({ design, counts }: { design: DesignRecord; counts: [number, number] }) {
  const exportHref = (format: string) => designPath(design.id, `/export?format=${format}`);
  return (
    <aside className="design-side" aria-label="Design actions">
      <section className="panel">
        <dl className="design-facts">
          <div>
            <dt>Components</dt>
            <dd data-testid="component-count">{counts[0]}</dd>
          </div>
          <div>
            <dt>Relationships</dt>
            <dd>{counts[1]}</dd>
          </div>
          <div>
            <dt>Revision</dt>
            <dd>
              <a href={designPath(design.id, "/history")}>{design.revision}</a>
            </dd>
          </div>
        </dl>
        <p className="muted design-small">Updated {formatDateTime(design.updatedAt)}</p>
        <a className="button button-quiet button-wide" href={designPath(design.id, "/history")}>
          History and diff
        </a>
      </section>
      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title" className="design-side-title">
          Export
        </h2>
        <div className="stack design-tight">
          <a className="button button-wide" href={exportHref("design")} download>
            Meshery design
          </a>
          <a className="button button-quiet button-wide" href={exportHref("manifests")} download>
            Kubernetes manifests
          </a>
        </div>
      </section>
      <section className="panel" aria-labelledby="rename-title">
        <h2 id="rename-title" className="design-side-title">
          Rename
        </h2>
        <form action={renameDesignAction} className="stack design-tight" aria-label="Rename the design">
          <input type="hidden" name="designId" value={design.id} />
          <label className="field">
            Name
            <input name="name" required maxLength={255} defaultValue={design.name} />
          </label>
          <button type="submit" className="button button-quiet">
            Rename
          </button>
        </form>
      </section>
      <section className="panel" aria-labelledby="delete-title">
        <h2 id="delete-title" className="design-side-title">
          Delete
        </h2>
        {/* A second, deliberate click: the disclosure keeps the real button out of reach of a slip. */}
        <details className="design-confirm">
          <summary className="button button-danger">Delete this design…</summary>
          <p className="design-small">
            It goes with all {design.revision} of its revisions. This cannot be undone.
          </p>
          <form action={deleteDesignAction}>
            <input type="hidden" name="designId" value={design.id} />
            <button type="submit" className="button button-danger">
              Yes, delete “{design.name}”
            </button>
          </form>
        </details>
      </section>
    </aside>
  );
}

// What changed between two revisions: components added, removed and changed field by field, and relationships.

import { formatChangedValue } from "../lib/designs-format";
import type { ComponentRef, DesignDiff, RelationshipRef } from "../lib/designs-history";

export function DesignDiffView({ diff }: { diff: DesignDiff }) {
  const { components, relationships } = diff;
  return (
    <div className="stack" data-testid="design-diff">
      {diff.unchanged && (
        <p className="muted">
          Revisions {diff.from} and {diff.to} have the same content.
        </p>
      )}
      {diff.name && (
        <p>
          Renamed from <del>{diff.name.before}</del> to <ins>{diff.name.after}</ins>
        </p>
      )}
      <RefList title="Components added" tone="added" items={components.added.map(componentText)} />
      <RefList title="Components removed" tone="removed" items={components.removed.map(componentText)} />
      {components.changed.length > 0 && (
        <div>
          <h3 className="design-diff-title">Components changed ({components.changed.length})</h3>
          {components.changed.map((change) => (
            <div key={change.id} className="design-diff-component" data-testid="changed-component">
              <strong>{componentLabel(change)}</strong>
              <table className="table design-table">
                <thead>
                  <tr>
                    <th>Field</th>
                    <th>Before</th>
                    <th>After</th>
                  </tr>
                </thead>
                <tbody>
                  {change.fields.map((field) => (
                    <tr key={field.path}>
                      <td>
                        <code>{field.path}</code>
                      </td>
                      <td className="design-diff-before">{formatChangedValue(field.before)}</td>
                      <td className="design-diff-after">{formatChangedValue(field.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
      <RefList title="Relationships added" tone="added" items={relationships.added.map(relationshipText)} />
      <RefList
        title="Relationships removed"
        tone="removed"
        items={relationships.removed.map(relationshipText)}
      />
      <RefList
        title="Relationships changed"
        tone="changed"
        items={relationships.changed.map(relationshipText)}
      />
    </div>
  );
}

function RefList({ title, tone, items }: { title: string; tone: string; items: [string, string][] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="design-diff-title">
        {title} ({items.length})
      </h3>
      <ul className={`design-diff-list design-diff-${tone}`}>
        {items.map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

function componentLabel(ref: ComponentRef): string {
  return `${ref.kind} ${ref.name}`;
}

function componentText(ref: ComponentRef): [string, string] {
  return [ref.id, componentLabel(ref)];
}

function relationshipText(ref: RelationshipRef): [string, string] {
  return [ref.id, `${ref.kind} · ${ref.type} · ${ref.subType}`];
}

// A schema's properties as a readable tree: name, type, whether required, and what the field is for.
import type { SchemaField } from "../../../lib/registry";

type Props = { fields: SchemaField[]; openHref: (path: string) => string; level?: number };

function FieldRow({ field, openHref }: { field: SchemaField; openHref: Props["openHref"] }) {
  return (
    <span className="field-row">
      <code className="field-name">{field.name}</code>
      <span className="field-type">{field.type}</span>
      {field.required && <span className="field-required">required</span>}
      {field.deeper && (
        <a href={openHref(field.path)} aria-label={`Open the fields of ${field.path}`}>
          open fields →
        </a>
      )}
      {field.recursive && <span className="muted">same shape as an enclosing field</span>}
    </span>
  );
}

function FieldDetails({ field }: { field: SchemaField }) {
  return (
    <>
      {field.description && <p className="field-description">{field.description}</p>}
      {field.enum && <p className="field-description">One of: {field.enum.join(", ")}</p>}
    </>
  );
}

export function FieldTree({ fields, openHref, level = 0 }: Props) {
  if (fields.length === 0) return <p className="muted">No fields are described here.</p>;
  // The first level starts open so the main fields show at once; for a Kubernetes kind that is spec
  // alone, since metadata and status are long and the same for every kind.
  const hasSpec = level === 0 && fields.some((field) => field.name === "spec");
  const startsOpen = (field: SchemaField) => level === 0 && (!hasSpec || field.name === "spec");
  return (
    <ul className="field-tree" data-testid={level === 0 ? "field-tree" : undefined}>
      {fields.map((field) => (
        <li key={field.path} data-path={field.path} data-testid="schema-field">
          {field.children.length > 0 ? (
            <details open={startsOpen(field)}>
              <summary>
                <FieldRow field={field} openHref={openHref} />
              </summary>
              <FieldDetails field={field} />
              <FieldTree fields={field.children} openHref={openHref} level={level + 1} />
            </details>
          ) : (
            <>
              <FieldRow field={field} openHref={openHref} />
              <FieldDetails field={field} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

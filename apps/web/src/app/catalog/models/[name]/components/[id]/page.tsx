// One component definition for anyone: its kind, model and facts, and its schema as a field tree.
import "../../../../catalog.css";
import "../../../registry.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { fetchComponent, schemaFieldTree } from "../../../../../../lib/registry";
import { firstParam } from "../../../../../../lib/signed-in";
import { serverContext } from "../../../../../../server-context";
import { FieldTree } from "../../../field-tree";
import { RegistryNav } from "../../../registry-nav";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const component = await fetchComponent((await params).id);
  if (!component) return { title: "No such component" };
  const title = `${component.kind} (${component.apiVersion}) · ${component.model.displayName} · Meshplane models`;
  return { title, description: component.description || `${component.kind} schema` };
}

const fact = (value: unknown) =>
  typeof value === "string" || typeof value === "boolean" ? String(value) : undefined;

export default async function ComponentPage({ params, searchParams }: Props) {
  const { name, id } = await params;
  const component = await fetchComponent(id);
  if (!component || component.model.name !== name) notFound();
  const at = (firstParam((await searchParams).at) ?? "").slice(0, 500);
  const fields = schemaFieldTree(component.schema, at);
  const modelHref = `/catalog/models/${encodeURIComponent(component.model.name)}?version=${encodeURIComponent(component.model.version)}`;
  const base = `/catalog/models/${encodeURIComponent(name)}/components/${component.id}`;
  const openHref = (path: string) => `${base}?at=${encodeURIComponent(path)}`;
  const segments = at ? at.split(".") : [];
  const facts = [
    ["Group", fact(component.metadata.group)],
    ["Version", fact(component.metadata.version)],
    ["Namespaced", fact(component.metadata.isNamespaced)],
    ["Plural", fact(component.metadata.plural)],
    ["Stability", fact(component.metadata.stability)],
  ].filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== "");
  return (
    <main className="page">
      <RegistryNav returnTo={base} />
      <p className="designs-crumbs muted">
        <a href="/catalog">Catalog</a> / <a href="/catalog/models">Models</a> /{" "}
        <a href={modelHref}>{component.model.displayName}</a> / {component.kind}
      </p>
      <h1 data-testid="component-kind">{component.kind}</h1>
      <div className="catalog-entry-meta">
        <span className="tag">{component.apiVersion}</span>
        <span className="tag">
          {component.model.displayName} {component.model.version}
        </span>
      </div>
      {component.description && <p>{component.description}</p>}
      {facts.length > 0 && (
        <dl className="facts">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <h2>Fields</h2>
      {segments.length > 0 && (
        <p className="muted" data-testid="field-path">
          <a href={base}>{component.kind}</a>
          {segments.map((segment, i) => {
            const path = segments.slice(0, i + 1).join(".");
            return (
              <span key={path}>
                {" . "}
                {i === segments.length - 1 ? (
                  <strong>{segment}</strong>
                ) : (
                  <a href={openHref(path)}>{segment}</a>
                )}
              </span>
            );
          })}
        </p>
      )}
      {fields === undefined ? (
        <p>
          This schema has no field <code>{at}</code>. <a href={base}>Show all fields</a>.
        </p>
      ) : (
        <FieldTree fields={fields} openHref={openHref} />
      )}
      <p className="foot muted">
        The whole schema as JSON:{" "}
        <a href={`${serverContext().env.publicApiUrl}/api/registry/components/${component.id}`}>
          /api/registry/components/{component.id}
        </a>
      </p>
    </main>
  );
}

// One model for anyone: what it is, its versions, and its components, paged and searchable by kind or name.
import "../../catalog.css";
import "../registry.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { fetchModel, listQuery, readListState } from "../../../../lib/registry";
import { Paging, RegistryNav } from "../registry-nav";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const detail = await fetchModel((await params).name, { ...readListState(await searchParams), page: 0 });
  if (!detail) return { title: "No such model" };
  const title = `${detail.model.displayName} ${detail.model.version} · Meshplane models`;
  return { title, description: detail.model.description || `${detail.model.displayName} components` };
}

export default async function ModelPage({ params, searchParams }: Props) {
  const { name } = await params;
  const query = await searchParams;
  const state = readListState(query);
  // Set by the curators' upload, which lands here once the model is in.
  const notice = typeof query.notice === "string" ? query.notice.slice(0, 300) : undefined;
  const detail = await fetchModel(name, state);
  if (!detail) notFound();
  const { model, components } = detail;
  const base = `/catalog/models/${encodeURIComponent(model.name)}`;
  const here = `${base}${listQuery(state)}`;
  return (
    <main className="page">
      <RegistryNav returnTo={here} />
      <p className="designs-crumbs muted">
        <a href="/catalog">Catalog</a> / <a href="/catalog/models">Models</a> / {model.displayName}
      </p>
      {notice && (
        <p className="alert alert-ok" role="status" data-testid="model-notice">
          {notice}
        </p>
      )}
      <h1 data-testid="model-name">{model.displayName}</h1>
      <div className="catalog-entry-meta">
        <span className="tag">{model.category}</span>
        {model.subCategory && <span className="tag">{model.subCategory}</span>}
        <span className="tag">{model.version}</span>
        <span className="muted">
          {model.componentCount} components · {model.relationshipCount} relationships
        </span>
      </div>
      {model.description && <p>{model.description}</p>}
      {detail.versions.length > 1 && (
        <p className="muted">
          Versions:{" "}
          {detail.versions.map((version, i) => (
            <span key={version}>
              {i > 0 && " · "}
              {version === model.version ? (
                <strong>{version}</strong>
              ) : (
                <a href={`${base}${listQuery({ page: 0, version })}`}>{version}</a>
              )}
            </span>
          ))}
        </p>
      )}
      <h2>Components</h2>
      <form className="catalog-search" action={base} method="get">
        <input type="hidden" name="version" value={model.version} />
        <input
          type="search"
          name="q"
          aria-label="Search components"
          defaultValue={state.q ?? ""}
          placeholder="Deployment, Ingress, Role..."
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p className="muted" data-testid="components-count">
        {components.totalCount} {components.totalCount === 1 ? "component" : "components"}
        {state.q ? ` matching “${state.q}”` : ""}
      </p>
      {components.items.length === 0 ? (
        <p>No component matches.</p>
      ) : (
        <ul className="registry-components">
          {components.items.map((component) => (
            <li key={component.id} data-testid="component-row">
              <a href={`${base}/components/${component.id}`}>{component.kind}</a>
              <code className="muted">{component.apiVersion}</code>
              <p>{component.description}</p>
            </li>
          ))}
        </ul>
      )}
      <Paging
        page={components.page}
        pageSize={components.pageSize}
        totalCount={components.totalCount}
        href={(next) => `${base}${listQuery({ ...state, version: model.version, page: next })}`}
      />
    </main>
  );
}

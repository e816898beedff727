// The registry's models for anyone: search by name or category, with each model's number of components.
import "../catalog.css";
import "./registry.css";
import type { Metadata } from "next";
import { fetchModels, listQuery, readListState } from "../../../lib/registry";
import { Paging, RegistryNav } from "./registry-nav";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = readListState(await searchParams);
  const title = state.q ? `“${state.q}” in the Meshplane models` : "Models · Meshplane";
  const description =
    "The models Meshplane knows: Kubernetes and imported ones, with every component's schema.";
  return { title, description, openGraph: { title, description, type: "website" } };
}

export default async function ModelsPage({ searchParams }: Props) {
  const state = readListState(await searchParams);
  const page = await fetchModels(state);
  return (
    <main className="page">
      <RegistryNav returnTo="/catalog/models" />
      <p className="designs-crumbs muted">
        <a href="/catalog">Catalog</a> / Models
      </p>
      <h1>Models</h1>
      <p className="muted">
        The registry designs are built from: each model brings component definitions, one per kind and
        apiVersion, with the schema a component's configuration follows. Curators{" "}
        <a href="/catalog/import">import models</a>.
      </p>
      <form className="catalog-search" action="/catalog/models" method="get">
        <input
          type="search"
          name="q"
          aria-label="Search models"
          defaultValue={state.q ?? ""}
          placeholder="kubernetes, cert-manager, security..."
        />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p className="muted" data-testid="models-count">
        {page.totalCount} {page.totalCount === 1 ? "model" : "models"}
      </p>
      {page.items.length === 0 ? (
        <p>No model matches. Try another name or category.</p>
      ) : (
        <ul className="catalog-cards">
          {page.items.map((model) => (
            <li key={model.id} className="card catalog-card" data-testid="model-card">
              <h3>
                <a
                  href={`/catalog/models/${encodeURIComponent(model.name)}${listQuery({ page: 0, version: model.version })}`}
                >
                  {model.displayName}
                </a>
              </h3>
              <span className="tag">{model.category}</span> <span className="tag">{model.version}</span>
              {model.discovered && (
                <>
                  {" "}
                  <span className="tag" data-testid="discovered-model">
                    Found in your clusters
                  </span>
                </>
              )}
              {model.description && <p>{model.description}</p>}
              <p className="catalog-counters">
                <span>{model.componentCount} components</span>
                <span>{model.relationshipCount} relationships</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Paging
        page={page.page}
        pageSize={page.pageSize}
        totalCount={page.totalCount}
        href={(next) => `/catalog/models${listQuery({ ...state, page: next })}`}
      />
    </main>
  );
}

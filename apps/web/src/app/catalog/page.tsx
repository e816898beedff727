// The public catalog: search, facets with counts, sorting and paging, all in a shareable URL; no sign-in needed.
import "./catalog.css";
import type { Metadata } from "next";
import { Logo } from "../../components/logo";
import {
  type CatalogState,
  catalogQuery,
  facetNames,
  fetchCatalogPage,
  readCatalogState,
  toggleFacet,
} from "../../lib/catalog";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const state = readCatalogState(await searchParams);
  const title = state.search ? `“${state.search}” in the Meshplane catalog` : "Meshplane catalog";
  const description =
    "Reviewed Kubernetes designs to browse, download and clone: web apps, databases, security, observability.";
  return { title, description, openGraph: { title, description, type: "website" } };
}

const facetTitles = {
  type: "Type",
  technology: "Technology",
  class: "Class",
  model: "Model",
  category: "Category",
};

export default async function CatalogPage({ searchParams }: Props) {
  const state = readCatalogState(await searchParams);
  const page = await fetchCatalogPage(state);
  const href = (next: CatalogState) => `/catalog${catalogQuery(next)}`;
  const pages = Math.max(1, Math.ceil(page.totalCount / page.pageSize));
  return (
    <main className="page">
      <nav className="top">
        <a className="brand" href="/" style={{ color: "inherit" }}>
          <Logo />
          Meshplane
        </a>
        <span className="links">
          <a href="/catalog/models">Models</a>
          <a href="/designs">My designs</a>
          <a className="button" href="/sign-in?callbackUrl=%2Fcatalog">
            Sign in
          </a>
        </span>
      </nav>
      <h1>Catalog</h1>
      <p className="muted">
        Designs reviewed by curators. Anyone can look; signed-in users can clone them into a workspace.
      </p>
      <form className="catalog-search" action="/catalog" method="get">
        <input
          type="search"
          name="search"
          aria-label="Search the catalog"
          defaultValue={state.search ?? ""}
          placeholder="redis, ingress, backup..."
        />
        {facetNames.flatMap((name) =>
          (state.filters[name] ?? []).map((value) => (
            <input key={`${name}-${value}`} type="hidden" name={name} value={value} />
          )),
        )}
        <select name="sort" defaultValue={state.sort} aria-label="Sort">
          <option value="recent">Recent</option>
          <option value="popular">Popular</option>
        </select>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <div className="catalog-layout">
        <aside className="catalog-facets" aria-label="Filters">
          {facetNames.map((name) =>
            page.facets[name].length === 0 ? null : (
              <section key={name}>
                <h3>{facetTitles[name]}</h3>
                <ul>
                  {page.facets[name].map((facet) => {
                    const active = (state.filters[name] ?? []).includes(facet.value);
                    return (
                      <li key={facet.value}>
                        <a
                          href={href(toggleFacet(state, name, facet.value))}
                          aria-current={active ? "true" : undefined}
                          data-facet={name}
                        >
                          <span>{facet.value}</span>
                          <span className="muted">{facet.count}</span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ),
          )}
        </aside>
        <section aria-label="Designs">
          <p className="muted" data-testid="catalog-count">
            {page.totalCount} {page.totalCount === 1 ? "design" : "designs"}
          </p>
          {page.entries.length === 0 ? (
            <p>Nothing matches. Try fewer filters or another word.</p>
          ) : (
            <ul className="catalog-cards">
              {page.entries.map((entry) => (
                <li key={entry.id} className="card catalog-card" data-testid="catalog-entry">
                  <h3>
                    <a href={`/catalog/${entry.id}`}>{entry.name}</a>
                  </h3>
                  <span className="tag">{entry.type}</span> <span className="tag">{entry.class}</span>
                  <p>{entry.description}</p>
                  <p className="catalog-kinds">{entry.componentKinds.join(" · ")}</p>
                  <p className="catalog-counters">
                    <span>{entry.counters.views} views</span>
                    <span>{entry.counters.downloads} downloads</span>
                    <span>{entry.counters.clones} clones</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
          <nav className="catalog-paging" aria-label="Pages">
            {state.page > 0 && <a href={href({ ...state, page: state.page - 1 })}>← Previous</a>}
            <span className="muted">
              Page {state.page + 1} of {pages}
            </span>
            {state.page + 1 < pages && <a href={href({ ...state, page: state.page + 1 })}>Next →</a>}
          </nav>
        </section>
      </div>
    </main>
  );
}

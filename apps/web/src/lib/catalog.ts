// The public catalog as the web reads it: no token, the API's public endpoints, and shareable query strings.
import { serverContext } from "../server-context";

export type Facet = { value: string; count: number };
export type FacetName = "type" | "technology" | "class" | "model" | "category";
export const facetNames: readonly FacetName[] = ["type", "technology", "class", "model", "category"];

export type CatalogEntry = {
  id: string;
  designId: string;
  name: string;
  description: string;
  publishedVersion: string;
  type: string;
  technology: string;
  class: string;
  caveats: string;
  info: string;
  componentKinds: string[];
  componentCount: number;
  counters: { views: number; downloads: number; clones: number; deployments: number };
  publishedAt: string;
};
export type CatalogPage = {
  entries: CatalogEntry[];
  totalCount: number;
  page: number;
  pageSize: number;
  facets: Record<FacetName, Facet[]>;
};

/** The page's state, all of it in the URL so any view can be shared. */
export type CatalogState = {
  search?: string;
  sort: "recent" | "popular";
  page: number;
  filters: Partial<Record<FacetName, string[]>>;
};

export function readCatalogState(params: Record<string, string | string[] | undefined>): CatalogState {
  const list = (value: string | string[] | undefined) =>
    (value === undefined ? [] : [value].flat()).filter(Boolean);
  const first = (value: string | string[] | undefined) => list(value)[0];
  const page = Number(first(params.page) ?? 0);
  const search = first(params.search)?.trim();
  return {
    ...(search ? { search } : {}),
    sort: first(params.sort) === "popular" ? "popular" : "recent",
    page: Number.isInteger(page) && page > 0 ? page : 0,
    filters: Object.fromEntries(
      facetNames.map((name) => [name, list(params[name])] as const).filter(([, values]) => values.length > 0),
    ),
  };
}

export function catalogQuery(state: CatalogState): string {
  const query = new URLSearchParams();
  if (state.search) query.set("search", state.search);
  for (const name of facetNames) for (const value of state.filters[name] ?? []) query.append(name, value);
  if (state.sort !== "recent") query.set("sort", state.sort);
  if (state.page > 0) query.set("page", String(state.page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The state with one facet value switched on or off; filtering starts again at the first page. */
export function toggleFacet(state: CatalogState, name: FacetName, value: string): CatalogState {
  const current = state.filters[name] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, page: 0, filters: { ...state.filters, [name]: next } };
}

async function publicJson<T>(path: string): Promise<T | undefined> {
  const response = await fetch(`${serverContext().env.apiUrl}${path}`, { cache: "no-store" });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`the catalog answered ${response.status}`);
  return (await response.json()) as T;
}

export async function fetchCatalogPage(state: CatalogState): Promise<CatalogPage> {
  const query = catalogQuery(state).replace(/^\?/, "");
  const page = await publicJson<CatalogPage>(`/api/catalog/designs?pagesize=24${query ? `&${query}` : ""}`);
  if (!page) throw new Error("the catalog is not available");
  return page;
}

export function fetchCatalogEntry(id: string): Promise<(CatalogEntry & { design: unknown }) | undefined> {
  return /^[0-9a-f-]{36}$/i.test(id) ? publicJson(`/api/catalog/designs/${id}`) : Promise.resolve(undefined);
}

// Totals and facet counts change only when something is published or unpublished: kept per filter set for a few seconds.
import { type CatalogFacets, type CatalogQuery, catalogFacets, countCatalog } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";

const TTL_MS = 15_000;
const MAX_KEYS = 500;
export type CatalogCounts = { total: number; facets: CatalogFacets };
const cache = new Map<string, { expires: number; counts: Promise<CatalogCounts> }>();

/**
 * The total and the facet counts, cached by the filters alone (paging and sorting change neither); a
 * failed count is not kept. On Workers each isolate keeps its own copy: the TTL bounds how stale it gets.
 */
export function cachedCatalogCounts(db: Db, query: CatalogQuery, now = Date.now()): Promise<CatalogCounts> {
  const { page: _page, pageSize: _size, sort: _sort, ...filters } = query;
  const key = JSON.stringify(filters);
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.counts;
  if (cache.size >= MAX_KEYS) cache.delete(cache.keys().next().value ?? "");
  const counts = Promise.all([countCatalog(db, query), catalogFacets(db, query)]).then(([total, facets]) => ({
    total,
    facets,
  }));
  cache.set(key, { expires: now + TTL_MS, counts });
  counts.catch(() => cache.delete(key));
  return counts;
}

/** After a publication or an unpublication, counts must not lag. */
export function forgetCatalogFacets(): void {
  cache.clear();
}

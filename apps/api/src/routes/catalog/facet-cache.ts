// Totals, facet counts and whole public pages change only on publication: kept briefly in memory, per query.
import { type CatalogFacets, type CatalogQuery, catalogFacets, countCatalog } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";

const COUNTS_TTL_MS = 15_000;
const PAGE_TTL_MS = 5_000;
const MAX_KEYS = 500;

export type CatalogCounts = { total: number; facets: CatalogFacets };
type Entry<T> = { expires: number; value: Promise<T> };
const counts = new Map<string, Entry<CatalogCounts>>();
const pages = new Map<string, Entry<unknown>>();

/** Concurrent misses share one promise, so an expiry under load costs one query, not one per request. */
function remembered<T>(
  cache: Map<string, Entry<T>>,
  key: string,
  ttl: number,
  build: () => Promise<T>,
  now: number,
) {
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  if (cache.size >= MAX_KEYS) cache.delete(cache.keys().next().value ?? "");
  const value = build();
  cache.set(key, { expires: now + ttl, value });
  // A failure is not kept: the next caller tries again.
  value.catch(() => cache.delete(key));
  return value;
}

/**
 * The total and the facet counts, by the filters alone (paging and sorting change neither). On Workers
 * each isolate keeps its own copy: the TTL bounds how stale it gets.
 */
export function cachedCatalogCounts(db: Db, query: CatalogQuery, now = Date.now()): Promise<CatalogCounts> {
  const { page: _page, pageSize: _size, sort: _sort, ...filters } = query;
  return remembered(
    counts,
    JSON.stringify(filters),
    COUNTS_TTL_MS,
    async () => {
      const [total, facets] = await Promise.all([countCatalog(db, query), catalogFacets(db, query)]);
      return { total, facets };
    },
    now,
  );
}

/**
 * A public page, the same for every caller, for five seconds per query string: a micro-cache in front
 * of the database, as a CDN would be. Counters on a page may lag by that much; nothing else does,
 * because publication and unpublication clear it.
 */
export function cachedCatalogPage(
  key: string,
  build: () => Promise<unknown>,
  now = Date.now(),
): Promise<unknown> {
  return remembered(pages, key, PAGE_TTL_MS, build, now);
}

/** After a publication, an edit or an unpublication, nothing may lag. */
export function forgetCatalogFacets(): void {
  counts.clear();
  pages.clear();
}

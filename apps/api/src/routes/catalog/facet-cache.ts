// Totals, facet counts and whole public pages change only on publication: kept briefly in memory, per query.
import { type CatalogFacets, type CatalogQuery, catalogFacets, countCatalog } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";

const COUNTS_TTL_MS = 15_000;
const PAGE_TTL_MS = 5_000;
const MAX_KEYS = 500;

export type CatalogCounts = { total: number; facets: CatalogFacets };
type Entry<T> = { expires: number; value: Promise<T> };
const counts = new Map<string, Entry<CatalogCounts>>();
const pages = new Map<string, Entry<CachedPage>>();

/** A page's JSON as bytes, and the same gzipped, made once per cached page and only when a client asks. */
export type CachedPage = { json: Bytes; gzip: () => Promise<Bytes> };
type Bytes = Uint8Array<ArrayBuffer>;

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
  build: () => Promise<string>,
  now = Date.now(),
): Promise<CachedPage> {
  return remembered(
    pages,
    key,
    PAGE_TTL_MS,
    async () => {
      const json = new TextEncoder().encode(await build());
      let gzip: Promise<Bytes> | undefined;
      return { json, gzip: () => (gzip ??= gzipped(json)) };
    },
    now,
  );
}

async function gzipped(bytes: Bytes): Promise<Bytes> {
  const reader = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip")).getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** After a publication, an edit or an unpublication, nothing may lag. */
export function forgetCatalogFacets(): void {
  counts.clear();
  pages.clear();
}

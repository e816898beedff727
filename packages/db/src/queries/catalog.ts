// The public catalog: publication requests and their review, entries frozen at a revision, search with facets.
import { and, asc, count, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { type catalogClasses, catalogEntries } from "../schema/catalog-entries";
import { designRevisions } from "../schema/design-revisions";
import { designs } from "../schema/designs";
import { publicationRequests } from "../schema/publication-requests";
import type { Db } from "../types";
import { conflictOnDuplicate, DomainError, returnedRow, withTransaction } from "./transactions";

export type CatalogEntry = Omit<typeof catalogEntries.$inferSelect, "searchVector" | "searchText">;
export type PublicationRequest = typeof publicationRequests.$inferSelect;
export type CatalogFields = { type: string; technology: string; caveats: string; info: string };

const { searchVector: _vector, searchText: _text, ...entryColumns } = getTableColumns(catalogEntries);

export async function requestPublication(
  db: Db,
  params: CatalogFields & { organizationId: string; designId: string; requestedById: string },
): Promise<PublicationRequest> {
  const [design] = await db
    .select({ revisionId: designs.currentRevisionId })
    .from(designs)
    .where(and(eq(designs.organizationId, params.organizationId), eq(designs.id, params.designId)));
  if (!design?.revisionId) throw new DomainError("not_found", "design not found");
  const rows = await conflictOnDuplicate(
    db
      .insert(publicationRequests)
      .values({ ...params, revisionId: design.revisionId })
      .returning(),
    "this design already has a publication request waiting for review",
  );
  return returnedRow(rows, "insert into publication_requests");
}

export function listPublicationRequests(
  db: Db,
  params: { status?: PublicationRequest["status"]; organizationId?: string; designId?: string },
): Promise<PublicationRequest[]> {
  return db
    .select()
    .from(publicationRequests)
    .where(
      and(
        params.status ? eq(publicationRequests.status, params.status) : undefined,
        params.organizationId ? eq(publicationRequests.organizationId, params.organizationId) : undefined,
        params.designId ? eq(publicationRequests.designId, params.designId) : undefined,
      ),
    )
    .orderBy(desc(publicationRequests.createdAt), desc(publicationRequests.id));
}

export async function getPublicationRequest(
  db: Db,
  params: { id: string },
): Promise<PublicationRequest | undefined> {
  const [row] = await db.select().from(publicationRequests).where(eq(publicationRequests.id, params.id));
  return row;
}

/** Denies a pending request with the reviewer's reason; a decided request cannot be decided again. */
export async function denyPublication(
  db: Db,
  params: { id: string; reviewerId: string; reason: string },
): Promise<PublicationRequest> {
  const [row] = await db
    .update(publicationRequests)
    .set({ status: "denied", reason: params.reason, reviewerId: params.reviewerId, decidedAt: new Date() })
    .where(and(eq(publicationRequests.id, params.id), eq(publicationRequests.status, "pending")))
    .returning();
  if (!row) throw await notPending(db, params.id);
  return row;
}

async function notPending(db: Db, id: string): Promise<DomainError> {
  const existing = await getPublicationRequest(db, { id });
  return existing
    ? new DomainError("conflict", `the request was already ${existing.status}`)
    : new DomainError("not_found", "publication request not found");
}

export type FrozenDesign = {
  name: string;
  description: string;
  componentKinds: string[];
  models: string[];
  categories: string[];
  componentCount: number;
};

/**
 * Approves a pending request: the entry is created, or moved to the request's revision (the new version
 * replaces the old one), with the design's searchable summary copied onto it.
 */
export function approvePublication(
  db: Db,
  params: {
    id: string;
    reviewerId: string;
    frozen: (content: Record<string, unknown>) => FrozenDesign;
    /** Curators decide the class; reviewed community content by default. */
    class?: (typeof catalogClasses)[number];
  },
): Promise<{ request: PublicationRequest; entry: CatalogEntry }> {
  return withTransaction(db, async (tx) => {
    const [request] = await tx
      .update(publicationRequests)
      .set({ status: "approved", reviewerId: params.reviewerId, decidedAt: new Date(), reason: null })
      .where(and(eq(publicationRequests.id, params.id), eq(publicationRequests.status, "pending")))
      .returning();
    if (!request) throw await notPending(tx, params.id);
    const [revision] = await tx
      .select({ content: designRevisions.content, number: designRevisions.number })
      .from(designRevisions)
      .where(eq(designRevisions.id, request.revisionId));
    if (!revision) throw new DomainError("not_found", "the requested revision no longer exists");
    const summary = params.frozen(revision.content);
    const values = {
      organizationId: request.organizationId,
      designId: request.designId,
      revisionId: request.revisionId,
      publishedVersion: `v${revision.number}`,
      type: request.type,
      technology: request.technology,
      caveats: request.caveats,
      info: request.info,
      ...(params.class ? { class: params.class } : {}),
      ...summary,
      searchText: [summary.name, summary.description, ...summary.componentKinds, ...summary.models].join(" "),
      publishedAt: new Date(),
    };
    const [entry] = await tx
      .insert(catalogEntries)
      .values(values)
      .onConflictDoUpdate({ target: catalogEntries.designId, set: values })
      .returning(entryColumns);
    return { request, entry: returnedRow(entry ? [entry] : [], "upsert into catalog_entries") };
  });
}

export async function updateCatalogFields(
  db: Db,
  params: { id: string; organizationId: string } & Partial<CatalogFields>,
): Promise<CatalogEntry | undefined> {
  const { id, organizationId, ...fields } = params;
  const [row] = await db
    .update(catalogEntries)
    .set(fields)
    .where(and(eq(catalogEntries.id, id), eq(catalogEntries.organizationId, organizationId)))
    .returning(entryColumns);
  return row;
}

export async function unpublishCatalogEntry(
  db: Db,
  params: { id: string; organizationId?: string },
): Promise<boolean> {
  const removed = await db
    .delete(catalogEntries)
    .where(
      and(
        eq(catalogEntries.id, params.id),
        params.organizationId ? eq(catalogEntries.organizationId, params.organizationId) : undefined,
      ),
    )
    .returning({ id: catalogEntries.id });
  return removed.length > 0;
}

export async function getCatalogEntry(
  db: Db,
  params: { id: string },
): Promise<(CatalogEntry & { content: Record<string, unknown> }) | undefined> {
  const [row] = await db
    .select({ entry: entryColumns, content: designRevisions.content })
    .from(catalogEntries)
    .innerJoin(designRevisions, eq(designRevisions.id, catalogEntries.revisionId))
    .where(eq(catalogEntries.id, params.id));
  return row && { ...row.entry, content: row.content };
}

export type CatalogCounter = "viewCount" | "downloadCount" | "cloneCount" | "deploymentCount";

export async function countCatalogUse(
  db: Db,
  params: { id: string; counter: CatalogCounter },
): Promise<void> {
  const column = catalogEntries[params.counter];
  await db
    .update(catalogEntries)
    .set({ [params.counter]: sql`${column} + 1` })
    .where(eq(catalogEntries.id, params.id));
}

export type CatalogQuery = {
  search?: string;
  type?: string[];
  technology?: string[];
  class?: string[];
  model?: string[];
  category?: string[];
  sort?: "recent" | "popular";
  page?: number;
  pageSize?: number;
};
export type Facet = { value: string; count: number };
export type CatalogFacets = Record<"type" | "technology" | "class" | "model" | "category", Facet[]>;
export type CatalogPage = { entries: CatalogEntry[]; total: number; page: number; pageSize: number };

const popularity = sql`(${catalogEntries.viewCount} + 3 * ${catalogEntries.downloadCount} + 5 * ${catalogEntries.cloneCount} + 8 * ${catalogEntries.deploymentCount})`;

function filters(query: CatalogQuery, except?: keyof CatalogFacets): SQL | undefined {
  const any = (values: string[] | undefined, column: SQL) =>
    values?.length ? sql`${column} = any(${sql.param(values)}::text[])` : undefined;
  const overlaps = (values: string[] | undefined, column: SQL) =>
    values?.length ? sql`${column} && ${sql.param(values)}::text[]` : undefined;
  return and(
    query.search
      ? sql`${catalogEntries.searchVector} @@ websearch_to_tsquery('simple', ${query.search})`
      : undefined,
    except === "type" ? undefined : any(query.type, sql`${catalogEntries.type}`),
    except === "technology" ? undefined : any(query.technology, sql`${catalogEntries.technology}`),
    except === "class" ? undefined : any(query.class, sql`${catalogEntries.class}`),
    except === "model" ? undefined : overlaps(query.model, sql`${catalogEntries.models}`),
    except === "category" ? undefined : overlaps(query.category, sql`${catalogEntries.categories}`),
  );
}

/** Counts per value of one facet, under every other filter (so a facet never hides its own alternatives). */
async function facet(db: Db, query: CatalogQuery, name: keyof CatalogFacets): Promise<Facet[]> {
  const value =
    name === "model"
      ? sql<string>`unnest(${catalogEntries.models})`
      : name === "category"
        ? sql<string>`unnest(${catalogEntries.categories})`
        : sql<string>`${catalogEntries[name]}`;
  const rows = await db
    .select({ value: sql<string>`v`, count: count() })
    .from(sql`(select ${value} as v from ${catalogEntries} where ${filters(query, name) ?? sql`true`}) as f`)
    .groupBy(sql`v`)
    .orderBy(desc(count()), asc(sql`v`))
    .limit(50);
  return rows.map((row) => ({ value: row.value, count: Number(row.count) }));
}

/** A page of entries; `withTotal: false` skips counting, for callers that keep the total cached. */
export async function searchCatalog(
  db: Db,
  query: CatalogQuery,
  options: { withTotal?: boolean } = {},
): Promise<CatalogPage> {
  const page = Math.max(query.page ?? 0, 0);
  const pageSize = Math.min(Math.max(query.pageSize ?? 24, 1), 100);
  const where = filters(query);
  const order =
    query.sort === "popular"
      ? [desc(popularity), desc(catalogEntries.publishedAt), desc(catalogEntries.id)]
      : [desc(catalogEntries.publishedAt), desc(catalogEntries.id)];
  const [entries, total] = await Promise.all([
    db
      .select(entryColumns)
      .from(catalogEntries)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset(page * pageSize),
    options.withTotal === false ? Promise.resolve(-1) : countCatalog(db, query),
  ]);
  return { entries, total, page, pageSize };
}

export async function countCatalog(db: Db, query: CatalogQuery): Promise<number> {
  const [row] = await db.select({ total: count() }).from(catalogEntries).where(filters(query));
  return Number(row?.total ?? 0);
}

/** Counts per facet value under the query's filters; heavier than a page, so callers may cache it briefly. */
export async function catalogFacets(db: Db, query: CatalogQuery): Promise<CatalogFacets> {
  const [type, technology, klass, model, category] = await Promise.all([
    facet(db, query, "type"),
    facet(db, query, "technology"),
    facet(db, query, "class"),
    facet(db, query, "model"),
    facet(db, query, "category"),
  ]);
  return { type, technology, class: klass, model, category };
}

export async function getCatalogEntryForDesign(
  db: Db,
  params: { designId: string; organizationId: string },
): Promise<CatalogEntry | undefined> {
  const [row] = await db
    .select(entryColumns)
    .from(catalogEntries)
    .where(
      and(
        eq(catalogEntries.designId, params.designId),
        eq(catalogEntries.organizationId, params.organizationId),
      ),
    );
  return row;
}

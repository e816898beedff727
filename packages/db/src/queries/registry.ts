// The model registry: models with their component and relationship definitions. Models without an organisation
// are shared with every tenant; a model discovered in an organisation's clusters is visible to that one alone.
import { and, asc, count, desc, eq, getTableColumns, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import { componentDefinitions } from "../schema/component-definitions";
import { models } from "../schema/models";
import { relationshipDefinitions } from "../schema/relationship-definitions";
import type { Db } from "../types";
import { returnedRow, withTransaction } from "./transactions";

export type RegistryModel = typeof models.$inferSelect;
export type RegistryComponent = typeof componentDefinitions.$inferSelect;
export type RegistryRelationship = typeof relationshipDefinitions.$inferSelect;

/** What one model brings; the registry package's `ModelBundle` has this shape. */
export type RegistryBundle = {
  model: Pick<
    RegistryModel,
    "name" | "version" | "displayName" | "category" | "subCategory" | "status" | "metadata"
  >;
  components: Pick<RegistryComponent, "kind" | "apiVersion" | "displayName" | "schema" | "metadata">[];
  relationships: Pick<
    RegistryRelationship,
    "kind" | "type" | "subType" | "status" | "selectors" | "metadata"
  >[];
};

export type UpsertedModel = {
  model: RegistryModel;
  components: number;
  relationships: number;
  created: boolean;
};

/** The model a component or relationship belongs to, as lists and pages show it. */
export type ModelReference = {
  id: string;
  name: string;
  version: string;
  displayName: string;
  /** Null for the shared registry; the organisation whose clusters a discovered model came from. */
  organizationId: string | null;
};

const modelReference = {
  id: models.id,
  name: models.name,
  version: models.version,
  displayName: models.displayName,
  organizationId: models.organizationId,
};

/**
 * Whose models a read may see. Without an organisation: the shared registry alone. With one: the shared
 * registry and that organisation's discovered models, never another organisation's.
 */
export type RegistryScope = { organizationId?: string | undefined };

function visibleModels(scope: RegistryScope): SQL {
  const shared = isNull(models.organizationId);
  return scope.organizationId ? (or(shared, eq(models.organizationId, scope.organizationId)) as SQL) : shared;
}

/** The exact owner of a model row: null (shared) or one organisation. */
const ownedBy = (organizationId: string | undefined): SQL =>
  organizationId ? eq(models.organizationId, organizationId) : isNull(models.organizationId);

// A Kubernetes component's schema is up to ~170 KB: a few rows per statement keep each one modest.
const COMPONENTS_PER_INSERT = 20;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Stores a model as exactly what the bundle says, in one transaction: the model keyed by (name, version) within
 * its owner, its components by (apiVersion, kind) so their ids survive a re-import, components the bundle no
 * longer has removed, and its relationships replaced. Running it twice changes nothing but `updatedAt`.
 * Without `organizationId` the model goes to the shared registry (curated imports, the seed); with one it
 * belongs to that organisation alone (models discovered in its clusters) and never replaces a shared model.
 */
export function upsertModelBundle(
  db: Db,
  bundle: RegistryBundle,
  owner: { organizationId?: string | undefined } = {},
): Promise<UpsertedModel> {
  const organizationId = owner.organizationId ?? null;
  return withTransaction(db, async (tx) => {
    const { name, version, ...fields } = bundle.model;
    const existing = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.name, name), eq(models.version, version), ownedBy(owner.organizationId)));
    const [model] = await tx
      .insert(models)
      .values({ ...bundle.model, organizationId })
      .onConflictDoUpdate({
        // The unique constraint treats nulls as equal, so a shared model conflicts with itself too.
        target: [models.name, models.version, models.organizationId],
        set: { ...fields, updatedAt: new Date() },
      })
      .returning();
    const stored = returnedRow(model ? [model] : [], "upsert into models");

    // The same (apiVersion, kind) twice in one bundle: the last one wins, as a re-import would decide.
    const byKey = new Map(bundle.components.map((c) => [`${c.apiVersion}\u0000${c.kind}`, c]));
    const components = [...byKey.values()];
    for (const chunk of chunks(components, COMPONENTS_PER_INSERT)) {
      await tx
        .insert(componentDefinitions)
        .values(chunk.map((component) => ({ ...component, modelId: stored.id })))
        .onConflictDoUpdate({
          target: [componentDefinitions.modelId, componentDefinitions.apiVersion, componentDefinitions.kind],
          set: {
            displayName: sql`excluded.display_name`,
            schema: sql`excluded.schema`,
            metadata: sql`excluded.metadata`,
            updatedAt: new Date(),
          },
        });
    }
    const apiVersions = components.map((c) => c.apiVersion);
    const kinds = components.map((c) => c.kind);
    await tx.delete(componentDefinitions).where(
      and(
        eq(componentDefinitions.modelId, stored.id),
        sql`not exists (select 1 from unnest(${sql.param(apiVersions)}::text[], ${sql.param(kinds)}::text[]) as kept(api_version, kind)
            where kept.api_version = ${componentDefinitions.apiVersion} and kept.kind = ${componentDefinitions.kind})`,
      ),
    );

    await tx.delete(relationshipDefinitions).where(eq(relationshipDefinitions.modelId, stored.id));
    for (const chunk of chunks(bundle.relationships, 100)) {
      await tx
        .insert(relationshipDefinitions)
        .values(chunk.map((relationship) => ({ ...relationship, modelId: stored.id })));
    }
    return {
      model: stored,
      components: components.length,
      relationships: bundle.relationships.length,
      created: existing.length === 0,
    };
  });
}

/** `%` and `_` typed by a user are searched for literally. */
function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const pageOf = (params: { page?: number; pageSize?: number }, defaultSize: number) => {
  const page = Math.max(Math.trunc(params.page ?? 0), 0);
  const pageSize = Math.min(Math.max(Math.trunc(params.pageSize ?? defaultSize), 1), 100);
  return { page, pageSize, offset: page * pageSize };
};

export type ModelSummary = RegistryModel & { componentCount: number; relationshipCount: number };
export type ModelPage = { models: ModelSummary[]; total: number; page: number; pageSize: number };

/**
 * Models by display name, searched by name, display name or category; every stored version is listed.
 * Shared models only, unless `organizationId` names whose discovered models to add.
 */
export async function listModels(
  db: Db,
  params: { search?: string; category?: string; page?: number; pageSize?: number } & RegistryScope = {},
): Promise<ModelPage> {
  const { page, pageSize, offset } = pageOf(params, 24);
  const search = params.search?.trim();
  const where = and(
    visibleModels(params),
    search
      ? or(
          ilike(models.name, containsPattern(search)),
          ilike(models.displayName, containsPattern(search)),
          ilike(models.category, containsPattern(search)),
        )
      : undefined,
    params.category ? eq(models.category, params.category) : undefined,
  );
  const componentCount = db
    .select({ modelId: componentDefinitions.modelId, n: count().as("component_count") })
    .from(componentDefinitions)
    .groupBy(componentDefinitions.modelId)
    .as("component_counts");
  const relationshipCount = db
    .select({ modelId: relationshipDefinitions.modelId, n: count().as("relationship_count") })
    .from(relationshipDefinitions)
    .groupBy(relationshipDefinitions.modelId)
    .as("relationship_counts");
  const [rows, totals] = await Promise.all([
    db
      .select({
        model: getTableColumns(models),
        componentCount: sql<number>`coalesce(${componentCount.n}, 0)`,
        relationshipCount: sql<number>`coalesce(${relationshipCount.n}, 0)`,
      })
      .from(models)
      .leftJoin(componentCount, eq(componentCount.modelId, models.id))
      .leftJoin(relationshipCount, eq(relationshipCount.modelId, models.id))
      .where(where)
      .orderBy(asc(sql`lower(${models.displayName})`), asc(models.name), desc(models.createdAt))
      .limit(pageSize)
      .offset(offset),
    db.select({ total: count() }).from(models).where(where),
  ]);
  return {
    models: rows.map((row) => ({
      ...row.model,
      componentCount: Number(row.componentCount),
      relationshipCount: Number(row.relationshipCount),
    })),
    total: Number(totals[0]?.total ?? 0),
    page,
    pageSize,
  };
}

/** Orders "v1.10.0" after "v1.9.0": numeric runs compare as numbers, the rest as text. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/i, "").split(/[.\-+]/);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [x, y] = [pa[i], pb[i]];
    // A release sorts after its pre-releases ("1.0.0" > "1.0.0-rc.1"), before its patches ("1.0.0.1").
    if (x === undefined) return y === undefined ? 0 : /^\d+$/.test(y) ? -1 : 1;
    if (y === undefined) return /^\d+$/.test(x) ? 1 : -1;
    const [nx, ny] = [/^\d+$/.test(x) ? Number(x) : Number.NaN, /^\d+$/.test(y) ? Number(y) : Number.NaN];
    const order = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * One version of a model, the highest when none is named; `versions` lists every visible one, newest first.
 * Shared models only, unless `organizationId` adds that organisation's discovered ones; where both hold the
 * same name and version, the shared model is the one returned.
 */
export async function getModel(
  db: Db,
  params: { name: string; version?: string } & RegistryScope,
): Promise<(ModelSummary & { versions: string[] }) | undefined> {
  const rows = await db
    .select({ id: models.id, version: models.version, organizationId: models.organizationId })
    .from(models)
    .where(and(eq(models.name, params.name), visibleModels(params)));
  const versions = [...new Set(rows.map((row) => row.version))].sort((a, b) => compareVersions(b, a));
  const version = params.version ?? versions[0];
  const matching = rows.filter((row) => row.version === version);
  const id = (matching.find((row) => row.organizationId === null) ?? matching[0])?.id;
  if (!id) return undefined;
  const [[model], [components], [relationships]] = await Promise.all([
    db.select().from(models).where(eq(models.id, id)),
    db.select({ n: count() }).from(componentDefinitions).where(eq(componentDefinitions.modelId, id)),
    db.select({ n: count() }).from(relationshipDefinitions).where(eq(relationshipDefinitions.modelId, id)),
  ]);
  if (!model) return undefined;
  return {
    ...model,
    componentCount: Number(components?.n ?? 0),
    relationshipCount: Number(relationships?.n ?? 0),
    versions,
  };
}

export type ComponentSummary = Omit<RegistryComponent, "schema"> & { model: ModelReference };
export type ComponentPage = { components: ComponentSummary[]; total: number; page: number; pageSize: number };
export type ComponentQuery = RegistryScope & {
  /** Part of the kind or display name, case-insensitive. */
  search?: string;
  /** A model's name (every stored version), or one model row by id. */
  model?: string;
  modelId?: string;
  kind?: string;
  apiVersion?: string;
  page?: number;
  pageSize?: number;
};

const { schema: _schema, ...componentColumns } = getTableColumns(componentDefinitions);

/** Component definitions without their schemas, an exact kind match first, then by kind and apiVersion. */
export async function searchComponentDefinitions(db: Db, query: ComponentQuery): Promise<ComponentPage> {
  const { page, pageSize, offset } = pageOf(query, 50);
  const search = query.search?.trim();
  const where = and(
    visibleModels(query),
    search
      ? or(
          ilike(componentDefinitions.kind, containsPattern(search)),
          ilike(componentDefinitions.displayName, containsPattern(search)),
        )
      : undefined,
    query.model ? eq(models.name, query.model) : undefined,
    query.modelId ? eq(componentDefinitions.modelId, query.modelId) : undefined,
    query.kind ? sql`lower(${componentDefinitions.kind}) = lower(${query.kind})` : undefined,
    query.apiVersion ? eq(componentDefinitions.apiVersion, query.apiVersion) : undefined,
  );
  const exactFirst = search ? [desc(sql`lower(${componentDefinitions.kind}) = lower(${search})`)] : [];
  const [rows, totals] = await Promise.all([
    db
      .select({ component: componentColumns, model: modelReference })
      .from(componentDefinitions)
      .innerJoin(models, eq(models.id, componentDefinitions.modelId))
      .where(where)
      .orderBy(
        ...exactFirst,
        asc(componentDefinitions.kind),
        asc(componentDefinitions.apiVersion),
        asc(models.name),
        asc(componentDefinitions.id),
      )
      .limit(pageSize)
      .offset(offset),
    db
      .select({ total: count() })
      .from(componentDefinitions)
      .innerJoin(models, eq(models.id, componentDefinitions.modelId))
      .where(where),
  ]);
  return {
    components: rows.map((row) => ({ ...row.component, model: row.model })),
    total: Number(totals[0]?.total ?? 0),
    page,
    pageSize,
  };
}

/** One component definition with its schema and its model; one of another organisation's models is not found. */
export async function getComponentDefinition(
  db: Db,
  params: { id: string } & RegistryScope,
): Promise<(RegistryComponent & { model: ModelReference }) | undefined> {
  const [row] = await db
    .select({ component: getTableColumns(componentDefinitions), model: modelReference })
    .from(componentDefinitions)
    .innerJoin(models, eq(models.id, componentDefinitions.modelId))
    .where(and(eq(componentDefinitions.id, params.id), visibleModels(params)));
  return row && { ...row.component, model: row.model };
}

export type RelationshipSummary = RegistryRelationship & { model: ModelReference };
export type RelationshipPage = {
  relationships: RelationshipSummary[];
  total: number;
  page: number;
  pageSize: number;
};

/** Relationship definitions of the visible models, optionally of one model (by name) or of one kind, type or subType. */
export async function listRelationshipDefinitions(
  db: Db,
  params: {
    model?: string;
    kind?: string;
    type?: string;
    subType?: string;
    page?: number;
    pageSize?: number;
  } & RegistryScope = {},
): Promise<RelationshipPage> {
  const { page, pageSize, offset } = pageOf(params, 50);
  const where = and(
    visibleModels(params),
    params.model ? eq(models.name, params.model) : undefined,
    params.kind ? eq(relationshipDefinitions.kind, params.kind) : undefined,
    params.type ? eq(relationshipDefinitions.type, params.type) : undefined,
    params.subType ? eq(relationshipDefinitions.subType, params.subType) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({ relationship: getTableColumns(relationshipDefinitions), model: modelReference })
      .from(relationshipDefinitions)
      .innerJoin(models, eq(models.id, relationshipDefinitions.modelId))
      .where(where)
      .orderBy(
        asc(models.name),
        asc(relationshipDefinitions.kind),
        asc(relationshipDefinitions.type),
        asc(relationshipDefinitions.subType),
        asc(relationshipDefinitions.id),
      )
      .limit(pageSize)
      .offset(offset),
    db
      .select({ total: count() })
      .from(relationshipDefinitions)
      .innerJoin(models, eq(models.id, relationshipDefinitions.modelId))
      .where(where),
  ]);
  return {
    relationships: rows.map((row) => ({ ...row.relationship, model: row.model })),
    total: Number(totals[0]?.total ?? 0),
    page,
    pageSize,
  };
}

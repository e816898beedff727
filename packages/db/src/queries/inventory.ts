// A connection's inventory: deltas from its agent applied in order, and the browsing reads users make.
import { and, asc, count, eq, gt, ilike, inArray, ne, or, sql } from "drizzle-orm";
import { inventoryObjects } from "../schema/inventory-objects";
import type { Db } from "../types";

export type InventoryObject = typeof inventoryObjects.$inferSelect;
type Scope = { organizationId: string; connectionId: string };

export type InventoryUpsert = {
  op: "upsert";
  uid: string;
  apiVersion: string;
  kind: string;
  namespace?: string | undefined;
  name: string;
  resourceVersion: string;
  generation: number;
  object: Record<string, unknown>;
};
/** The object is still there at `resourceVersion`, unchanged since the agent sent it; it belongs to `generation`. */
export type InventoryKeep = { op: "keep"; uid: string; resourceVersion: string; generation: number };
export type InventoryDelete = { op: "delete"; uid: string };
/** A full list of (group, kind) ended: its objects not reported at `generation` are gone. */
export type InventorySnapshot = { op: "snapshot"; group: string; kind: string; generation: number };
/** The kinds the agent watches at all: objects of any other kind are gone. */
export type InventoryScope = { op: "scope"; resources: { group: string; kind: string }[] };
export type InventoryDelta =
  | InventoryUpsert
  | InventoryKeep
  | InventoryDelete
  | InventorySnapshot
  | InventoryScope;

export type AppliedInventory = {
  /** Keeps that matched no stored object at their resourceVersion: the agent must send those objects again. */
  missing: string[];
  /** CustomResourceDefinitions that are new or whose spec changed (metadata.generation moved). */
  changedCrds: Record<string, unknown>[];
  /** New objects not stored because the connection already holds `maxObjects`; updates are always stored. */
  refused: string[];
};

const groupOf = (apiVersion: string) => (apiVersion.includes("/") ? apiVersion.split("/")[0] : "") ?? "";
const CRD_API_GROUP = "apiextensions.k8s.io";

function labelsOf(object: Record<string, unknown>): Record<string, string> {
  const labels = (object.metadata as { labels?: unknown } | undefined)?.labels;
  if (!labels || typeof labels !== "object") return {};
  return Object.fromEntries(
    Object.entries(labels).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

const specGeneration = (object: Record<string, unknown> | undefined) =>
  (object?.metadata as { generation?: unknown } | undefined)?.generation;

/** Consecutive deltas of the same op, so each run is one statement while the batch keeps its order. */
function runsOf(deltas: InventoryDelta[]): InventoryDelta[][] {
  const runs: InventoryDelta[][] = [];
  for (const delta of deltas) {
    const last = runs[runs.length - 1];
    if (last && last[0]?.op === delta.op && delta.op !== "snapshot" && delta.op !== "scope") last.push(delta);
    else runs.push([delta]);
  }
  return runs;
}

/** The last delta per uid of a run wins: one statement may not touch a row twice. */
function lastPerUid<T extends { uid: string }>(run: T[]): T[] {
  return [...new Map(run.map((delta) => [delta.uid, delta])).values()];
}

/** The rows of a run that fit: objects already stored always do; new ones only while there is room. */
async function withinLimit(db: Db, scope: Scope, rows: InventoryUpsert[], maxObjects: number | undefined) {
  if (maxObjects === undefined) return { fitting: rows, refused: [] };
  const stored = new Set(
    (
      await db
        .select({ uid: inventoryObjects.uid })
        .from(inventoryObjects)
        .where(
          and(
            scoped(scope),
            inArray(
              inventoryObjects.uid,
              rows.map((row) => row.uid),
            ),
          ),
        )
    ).map((row) => row.uid),
  );
  const fresh = rows.filter((row) => !stored.has(row.uid));
  if (fresh.length === 0) return { fitting: rows, refused: [] };
  const [held] = await db.select({ n: count() }).from(inventoryObjects).where(scoped(scope));
  const room = Math.max(0, maxObjects - (held?.n ?? 0));
  if (fresh.length <= room) return { fitting: rows, refused: [] };
  const refused = new Set(fresh.slice(room).map((row) => row.uid));
  return { fitting: rows.filter((row) => !refused.has(row.uid)), refused: [...refused] };
}

async function upsertRun(
  db: Db,
  scope: Scope,
  run: InventoryUpsert[],
  applied: AppliedInventory,
  maxObjects: number | undefined,
) {
  const { fitting: rows, refused } = await withinLimit(db, scope, lastPerUid(run), maxObjects);
  applied.refused.push(...refused);
  if (rows.length === 0) return;
  const changedCrds = applied.changedCrds;
  const crdUids = rows
    .filter((row) => row.kind === "CustomResourceDefinition" && groupOf(row.apiVersion) === CRD_API_GROUP)
    .map((row) => row.uid);
  const before = new Map<string, unknown>();
  if (crdUids.length > 0) {
    const stored = await db
      .select({ uid: inventoryObjects.uid, object: inventoryObjects.object })
      .from(inventoryObjects)
      .where(and(scoped(scope), inArray(inventoryObjects.uid, crdUids)));
    for (const row of stored) before.set(row.uid, specGeneration(row.object));
  }
  await db
    .insert(inventoryObjects)
    .values(
      rows.map((row) => ({
        organizationId: scope.organizationId,
        connectionId: scope.connectionId,
        uid: row.uid,
        apiGroup: groupOf(row.apiVersion),
        apiVersion: row.apiVersion,
        kind: row.kind,
        namespace: row.namespace ?? "",
        name: row.name,
        labels: labelsOf(row.object),
        object: row.object,
        resourceVersion: row.resourceVersion,
        generation: row.generation,
      })),
    )
    .onConflictDoUpdate({
      target: [inventoryObjects.connectionId, inventoryObjects.uid],
      set: {
        apiGroup: sql`excluded.api_group`,
        apiVersion: sql`excluded.api_version`,
        kind: sql`excluded.kind`,
        namespace: sql`excluded.namespace`,
        name: sql`excluded.name`,
        labels: sql`excluded.labels`,
        object: sql`excluded.object`,
        resourceVersion: sql`excluded.resource_version`,
        generation: sql`excluded.generation`,
        updatedAt: new Date(),
      },
    });
  for (const row of rows) {
    if (!crdUids.includes(row.uid)) continue;
    if (!before.has(row.uid) || before.get(row.uid) !== specGeneration(row.object))
      changedCrds.push(row.object);
  }
}

const scoped = (scope: Scope) =>
  and(
    eq(inventoryObjects.organizationId, scope.organizationId),
    eq(inventoryObjects.connectionId, scope.connectionId),
  );

async function keepRun(db: Db, scope: Scope, run: InventoryKeep[], missing: string[]) {
  const byGeneration = new Map<number, InventoryKeep[]>();
  for (const keep of lastPerUid(run)) {
    byGeneration.set(keep.generation, [...(byGeneration.get(keep.generation) ?? []), keep]);
  }
  for (const [generation, keeps] of byGeneration) {
    // Matched on uid and resourceVersion: a row that drifted from the agent's view is reported missing.
    const pairs = keeps.map((keep) => sql`(${keep.uid}, ${keep.resourceVersion})`);
    const found = await db
      .update(inventoryObjects)
      .set({ generation })
      .where(
        and(
          scoped(scope),
          sql`(${inventoryObjects.uid}, ${inventoryObjects.resourceVersion}) in (${sql.join(pairs, sql`, `)})`,
        ),
      )
      .returning({ uid: inventoryObjects.uid });
    const present = new Set(found.map((row) => row.uid));
    missing.push(...keeps.filter((keep) => !present.has(keep.uid)).map((keep) => keep.uid));
  }
}

/**
 * Applies an agent's batch in order, in one transaction. Every delta is idempotent, so a batch the agent
 * sends again (its answer was lost) leaves the same state. With `maxObjects`, a connection never holds more
 * objects than that: new objects past it are refused (listed), while updates and deletions still apply.
 */
export async function applyInventoryDeltas(
  db: Db,
  params: Scope & { deltas: InventoryDelta[]; maxObjects?: number },
): Promise<AppliedInventory> {
  const applied: AppliedInventory = { missing: [], changedCrds: [], refused: [] };
  for (const run of runsOf(params.deltas)) {
    const first = run[0];
    if (!first) continue;
    if (first.op === "upsert") {
      await upsertRun(db, params, run as InventoryUpsert[], applied, params.maxObjects);
    } else if (first.op === "keep") await keepRun(db, params, run as InventoryKeep[], applied.missing);
    else if (first.op === "delete") {
      const uids = (run as InventoryDelete[]).map((d) => d.uid);
      await db.delete(inventoryObjects).where(and(scoped(params), inArray(inventoryObjects.uid, uids)));
    } else if (first.op === "snapshot") {
      await db
        .delete(inventoryObjects)
        .where(
          and(
            scoped(params),
            eq(inventoryObjects.apiGroup, first.group),
            eq(inventoryObjects.kind, first.kind),
            ne(inventoryObjects.generation, first.generation),
          ),
        );
    } else {
      const kept = first.resources.map((r) => sql`(${r.group}, ${r.kind})`);
      await db
        .delete(inventoryObjects)
        .where(
          and(
            scoped(params),
            kept.length > 0
              ? sql`(${inventoryObjects.apiGroup}, ${inventoryObjects.kind}) not in (${sql.join(kept, sql`, `)})`
              : undefined,
          ),
        );
    }
  }
  return applied;
}

/** The connection's CustomResourceDefinitions of one API group, for turning into one registry model. */
export async function listInventoryCrdsOfGroup(
  db: Db,
  params: Scope & { group: string },
): Promise<Record<string, unknown>[]> {
  const rows = await db
    .select({ object: inventoryObjects.object })
    .from(inventoryObjects)
    .where(
      and(
        scoped(params),
        eq(inventoryObjects.apiGroup, CRD_API_GROUP),
        eq(inventoryObjects.kind, "CustomResourceDefinition"),
        sql`${inventoryObjects.object} -> 'spec' ->> 'group' = ${params.group}`,
      ),
    )
    .orderBy(asc(inventoryObjects.name));
  return rows.map((row) => row.object);
}

/** Where a page ended: the sort key of its last row. */
export type InventoryCursor = { kind: string; namespace: string; name: string; uid: string };

export type InventoryQuery = Scope & {
  kind?: string | undefined;
  namespace?: string | undefined;
  /** Matched against names, case-insensitively. */
  q?: string | undefined;
  cursor?: InventoryCursor | undefined;
  limit: number;
};

/** A page of objects sorted by kind, namespace, name (then uid); `next` is set when more follow. */
export async function listInventoryObjects(
  db: Db,
  params: InventoryQuery,
): Promise<{ objects: InventoryObject[]; next: InventoryCursor | undefined }> {
  const t = inventoryObjects;
  const after = params.cursor;
  const rows = await db
    .select()
    .from(t)
    .where(
      and(
        scoped(params),
        params.kind ? eq(t.kind, params.kind) : undefined,
        params.namespace !== undefined ? eq(t.namespace, params.namespace) : undefined,
        params.q ? ilike(t.name, `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        after
          ? or(
              gt(t.kind, after.kind),
              and(eq(t.kind, after.kind), gt(t.namespace, after.namespace)),
              and(eq(t.kind, after.kind), eq(t.namespace, after.namespace), gt(t.name, after.name)),
              and(
                eq(t.kind, after.kind),
                eq(t.namespace, after.namespace),
                eq(t.name, after.name),
                gt(t.uid, after.uid),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(t.kind), asc(t.namespace), asc(t.name), asc(t.uid))
    .limit(params.limit + 1);
  const objects = rows.slice(0, params.limit);
  const last = objects[objects.length - 1];
  const next =
    rows.length > params.limit && last
      ? { kind: last.kind, namespace: last.namespace, name: last.name, uid: last.uid }
      : undefined;
  return { objects, next };
}

/** How many objects of each kind the connection holds, for the browser's side list. */
export async function countInventoryKinds(
  db: Db,
  params: Scope,
): Promise<{ apiGroup: string; kind: string; count: number }[]> {
  return db
    .select({ apiGroup: inventoryObjects.apiGroup, kind: inventoryObjects.kind, count: count() })
    .from(inventoryObjects)
    .where(scoped(params))
    .groupBy(inventoryObjects.apiGroup, inventoryObjects.kind)
    .orderBy(asc(inventoryObjects.kind), asc(inventoryObjects.apiGroup));
}

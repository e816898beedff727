import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, createOrganization, createTestDb, type TestDb } from "../testing/index";
import {
  applyInventoryDeltas,
  countInventoryKinds,
  type InventoryUpsert,
  listInventoryCrdsOfGroup,
  listInventoryObjects,
} from "./inventory";

const upsert = (uid: string, kind: string, name: string, generation = 1, extra = {}): InventoryUpsert => ({
  op: "upsert",
  uid,
  apiVersion: kind === "Deployment" ? "apps/v1" : "v1",
  kind,
  namespace: "shop",
  name,
  resourceVersion: "1",
  generation,
  object: { metadata: { name, namespace: "shop", uid, labels: { app: name } }, ...extra },
});

describe("inventory queries", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  async function tenant() {
    const { organization } = await createOrganization(t.db);
    const connection = await createConnection(t.db, { organizationId: organization.id });
    return { organizationId: organization.id, connectionId: connection.id };
  }

  it("applies upserts, keeps, deletes and snapshots in order, idempotently", async () => {
    const scope = await tenant();
    const batch = [
      upsert("u1", "ConfigMap", "a"),
      upsert("u2", "ConfigMap", "b"),
      upsert("u3", "Deployment", "web"),
      { op: "snapshot" as const, group: "", kind: "ConfigMap", generation: 1 },
    ];
    await applyInventoryDeltas(t.db, { ...scope, deltas: batch });
    await applyInventoryDeltas(t.db, { ...scope, deltas: batch });
    expect((await listInventoryObjects(t.db, { ...scope, limit: 10 })).objects.map((o) => o.uid)).toEqual([
      "u1",
      "u2",
      "u3",
    ]);

    // A relist at generation 2 that saw u1 unchanged and not u2: u2 disappeared while nobody watched.
    const applied = await applyInventoryDeltas(t.db, {
      ...scope,
      deltas: [
        { op: "keep", uid: "u1", resourceVersion: "1", generation: 2 },
        { op: "keep", uid: "u3", resourceVersion: "stale", generation: 2 },
        { op: "keep", uid: "ghost", resourceVersion: "1", generation: 2 },
        { op: "snapshot", group: "", kind: "ConfigMap", generation: 2 },
        { op: "delete", uid: "u3" },
      ],
    });
    expect(applied.missing).toEqual(["u3", "ghost"]);
    expect((await listInventoryObjects(t.db, { ...scope, limit: 10 })).objects.map((o) => o.uid)).toEqual([
      "u1",
    ]);
    expect(await countInventoryKinds(t.db, scope)).toEqual([{ apiGroup: "", kind: "ConfigMap", count: 1 }]);

    await applyInventoryDeltas(t.db, {
      ...scope,
      deltas: [{ op: "scope", resources: [{ group: "apps", kind: "Deployment" }] }],
    });
    expect(await countInventoryKinds(t.db, scope)).toEqual([]);
  });

  it("refuses new objects past a connection's limit, while updates and deletions still apply", async () => {
    const scope = await tenant();
    const other = await tenant();
    const uids = async (of = scope) =>
      (await listInventoryObjects(t.db, { ...of, limit: 10 })).objects.map((o) => o.uid).sort();
    const first = await applyInventoryDeltas(t.db, {
      ...scope,
      maxObjects: 3,
      deltas: [upsert("u1", "ConfigMap", "a"), upsert("u2", "ConfigMap", "b")],
    });
    expect(first.refused).toEqual([]);
    // One slot left: the first new object fills it, the next two are refused; the update of u1 applies.
    const second = await applyInventoryDeltas(t.db, {
      ...scope,
      maxObjects: 3,
      deltas: [
        upsert("u3", "ConfigMap", "c"),
        upsert("u1", "ConfigMap", "a", 2),
        upsert("u4", "ConfigMap", "d"),
        upsert("u5", "ConfigMap", "e"),
      ],
    });
    expect(second.refused).toEqual(["u4", "u5"]);
    expect(await uids()).toEqual(["u1", "u2", "u3"]);
    const stored = (await listInventoryObjects(t.db, { ...scope, limit: 10 })).objects.find(
      (o) => o.uid === "u1",
    );
    expect(stored?.generation).toBe(2);
    // A deletion makes room again, within the same batch.
    const third = await applyInventoryDeltas(t.db, {
      ...scope,
      maxObjects: 3,
      deltas: [{ op: "delete", uid: "u2" }, upsert("u4", "ConfigMap", "d"), upsert("u5", "ConfigMap", "e")],
    });
    expect(third.refused).toEqual(["u5"]);
    expect(await uids()).toEqual(["u1", "u3", "u4"]);
    // The limit is per connection: another one has its own room.
    const elsewhere = await applyInventoryDeltas(t.db, {
      ...other,
      maxObjects: 3,
      deltas: [upsert("u5", "ConfigMap", "e")],
    });
    expect(elsewhere.refused).toEqual([]);
    expect(await uids(other)).toEqual(["u5"]);
  });

  it("keeps tenants apart: another connection's deltas never touch these rows", async () => {
    const mine = await tenant();
    const theirs = await tenant();
    await applyInventoryDeltas(t.db, { ...mine, deltas: [upsert("same-uid", "ConfigMap", "mine")] });
    await applyInventoryDeltas(t.db, {
      ...theirs,
      deltas: [upsert("same-uid", "ConfigMap", "theirs"), { op: "scope", resources: [] }],
    });
    await applyInventoryDeltas(t.db, { ...theirs, deltas: [{ op: "delete", uid: "same-uid" }] });
    const page = await listInventoryObjects(t.db, { ...mine, limit: 10 });
    expect(page.objects.map((o) => o.name)).toEqual(["mine"]);
    expect((await listInventoryObjects(t.db, { ...theirs, limit: 10 })).objects).toEqual([]);
    // The organisation must match the connection's too.
    expect(
      (
        await listInventoryObjects(t.db, {
          organizationId: theirs.organizationId,
          connectionId: mine.connectionId,
          limit: 10,
        })
      ).objects,
    ).toEqual([]);
  });

  it("pages by cursor and filters by kind, namespace and name", async () => {
    const scope = await tenant();
    const deltas = Array.from({ length: 25 }, (_, i) =>
      upsert(`c${i}`, "ConfigMap", `cm-${String(i).padStart(2, "0")}`),
    );
    await applyInventoryDeltas(t.db, { ...scope, deltas: [...deltas, upsert("d1", "Deployment", "web")] });
    const seen: string[] = [];
    let cursor: Parameters<typeof listInventoryObjects>[1]["cursor"];
    do {
      const page = await listInventoryObjects(t.db, { ...scope, kind: "ConfigMap", limit: 10, cursor });
      seen.push(...page.objects.map((o) => o.name));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...seen].sort());
    const found = await listInventoryObjects(t.db, { ...scope, q: "CM-1", namespace: "shop", limit: 50 });
    expect(found.objects.map((o) => o.name)).toEqual(Array.from({ length: 10 }, (_, i) => `cm-1${i}`));
    expect((await listInventoryObjects(t.db, { ...scope, q: "%", limit: 50 })).objects).toEqual([]);
  });

  it("reports CRDs that are new or whose spec generation moved, and lists a group's CRDs", async () => {
    const scope = await tenant();
    const crd = (generation: number, rv: string): InventoryUpsert => ({
      op: "upsert",
      uid: "crd-1",
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      name: "widgets.example.com",
      resourceVersion: rv,
      generation: 1,
      object: { metadata: { name: "widgets.example.com", generation }, spec: { group: "example.com" } },
    });
    expect((await applyInventoryDeltas(t.db, { ...scope, deltas: [crd(1, "1")] })).changedCrds).toHaveLength(
      1,
    );
    // A status change (established) moves the resourceVersion, not the generation.
    expect((await applyInventoryDeltas(t.db, { ...scope, deltas: [crd(1, "2")] })).changedCrds).toHaveLength(
      0,
    );
    expect((await applyInventoryDeltas(t.db, { ...scope, deltas: [crd(2, "3")] })).changedCrds).toHaveLength(
      1,
    );
    expect(await listInventoryCrdsOfGroup(t.db, { ...scope, group: "example.com" })).toHaveLength(1);
    expect(await listInventoryCrdsOfGroup(t.db, { ...scope, group: "other.io" })).toHaveLength(0);
  });
});

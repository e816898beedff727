import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnection, createOrganization, createTestDb, type TestDb } from "../testing/index";
import {
  getConnection,
  createConnection as insertConnection,
  listConnections,
  updateConnectionStatus,
} from "./connections";
import { createCredential } from "./credentials";

describe("connections", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("walks Meshery's lifecycle: discovered, registered, connected, disconnected, connected, deleted", async () => {
    const { organization } = await createOrganization(t.db);
    const connection = await createConnection(t.db, { organizationId: organization.id });
    expect(connection.status).toBe("discovered");
    const scope = { organizationId: organization.id, id: connection.id };

    expect((await updateConnectionStatus(t.db, { ...scope, status: "registered" })).status).toBe(
      "registered",
    );
    expect((await updateConnectionStatus(t.db, { ...scope, status: "connected" })).status).toBe("connected");
    const lost = await updateConnectionStatus(t.db, { ...scope, status: "disconnected", automatic: true });
    expect(lost.status).toBe("disconnected");
    expect((await updateConnectionStatus(t.db, { ...scope, status: "connected" })).status).toBe("connected");
    expect((await updateConnectionStatus(t.db, { ...scope, status: "deleted" })).status).toBe("deleted");
  });

  it("refuses transitions the state machine does not have, and leaves the status unchanged", async () => {
    const { organization } = await createOrganization(t.db);
    const connection = await createConnection(t.db, { organizationId: organization.id });
    const scope = { organizationId: organization.id, id: connection.id };

    await expect(updateConnectionStatus(t.db, { ...scope, status: "connected" })).rejects.toMatchObject({
      code: "invalid_transition",
    });
    // "not found" is only ever set by a failed check, never chosen.
    await expect(updateConnectionStatus(t.db, { ...scope, status: "not found" })).rejects.toMatchObject({
      code: "invalid_transition",
    });
    await updateConnectionStatus(t.db, { ...scope, status: "deleted" });
    await expect(updateConnectionStatus(t.db, { ...scope, status: "registered" })).rejects.toMatchObject({
      code: "invalid_transition",
    });
    expect((await getConnection(t.db, scope))?.status).toBe("deleted");
  });

  it("lets another organisation neither see nor change a connection", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const connection = await createConnection(t.db, { organizationId: a.organization.id });
    const asB = { organizationId: b.organization.id, id: connection.id };
    expect(await getConnection(t.db, asB)).toBeUndefined();
    expect(await listConnections(t.db, { organizationId: b.organization.id })).toEqual([]);
    await expect(updateConnectionStatus(t.db, { ...asB, status: "registered" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await getConnection(t.db, { ...asB, organizationId: a.organization.id }))?.status).toBe(
      "discovered",
    );
  });

  it("filters by kind and status", async () => {
    const { organization } = await createOrganization(t.db);
    const organizationId = organization.id;
    const cluster = await createConnection(t.db, { organizationId, name: "cluster" });
    await createConnection(t.db, { organizationId, name: "other", status: "ignored" });
    await updateConnectionStatus(t.db, { organizationId, id: cluster.id, status: "registered" });
    const registered = await listConnections(t.db, {
      organizationId,
      kind: "kubernetes",
      statuses: ["registered"],
    });
    expect(registered.map((c) => c.name)).toEqual(["cluster"]);
    expect(await listConnections(t.db, { organizationId, kind: "prometheus" })).toEqual([]);
  });

  it("accepts a credential of the same organisation only", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const sealed = {
      type: "token",
      secretCiphertext: "Y2lwaGVy",
      secretNonce: "bm9uY2U=",
      secretKeyId: "k1",
    };
    const theirs = await createCredential(t.db, { ...sealed, organizationId: b.organization.id, name: "b" });
    const ours = await createCredential(t.db, { ...sealed, organizationId: a.organization.id, name: "a" });
    expect(ours).not.toHaveProperty("secretCiphertext");

    const base = {
      organizationId: a.organization.id,
      kind: "grafana",
      type: "telemetry",
      subType: "metrics",
    };
    await expect(
      insertConnection(t.db, { ...base, name: "borrowed", credentialId: theirs.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    const own = await insertConnection(t.db, { ...base, name: "grafana", credentialId: ours.id });
    expect(own.credentialId).toBe(ours.id);
  });
});

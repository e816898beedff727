import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createTestDb, type TestDb, uniqueName } from "../testing/index";
import { consumeAgentBootstrapToken, createAgentBootstrapToken } from "./agent-bootstrap-tokens";
import {
  getAgentByCredential,
  markSilentAgentsDisconnected,
  recordAgentHeartbeat,
  registerAgent,
  revokeAgentCredential,
  rotateAgentCredential,
} from "./agents";
import { getConnection, updateConnectionStatus } from "./connections";

const facts = () => ({
  kubeSystemUid: uniqueName("kube-system"),
  kubernetesVersion: "v1.34.1",
  nodeCount: 3,
  agentVersion: "0.1.0",
});

describe("agent bootstrap tokens", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("are consumed once, and say why a second use or an expired token is refused", async () => {
    const { organization } = await createOrganization(t.db);
    const { token, bootstrapToken } = await createAgentBootstrapToken(t.db, {
      organizationId: organization.id,
      name: "prod",
    });
    expect(token).toMatch(/^mpb_[\w-]{43}$/);
    expect(bootstrapToken.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await consumeAgentBootstrapToken(t.db, { token })).toMatchObject({
      ok: true,
      bootstrapToken: { name: "prod" },
    });
    expect(await consumeAgentBootstrapToken(t.db, { token })).toEqual({ ok: false, reason: "used" });

    const expired = await createAgentBootstrapToken(t.db, { organizationId: organization.id, ttlMs: -1 });
    expect(await consumeAgentBootstrapToken(t.db, { token: expired.token })).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await consumeAgentBootstrapToken(t.db, { token: "mpb_nope" })).toEqual({
      ok: false,
      reason: "unknown",
    });
  });

  it("let only one of two concurrent registrations through", async () => {
    const { organization } = await createOrganization(t.db);
    const { token } = await createAgentBootstrapToken(t.db, { organizationId: organization.id });
    const outcomes = await Promise.all([
      consumeAgentBootstrapToken(t.db, { token }),
      consumeAgentBootstrapToken(t.db, { token }),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
  });
});

describe("agents", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("registers a cluster as a connected Kubernetes connection and reuses it for the same kube-system UID", async () => {
    const { organization } = await createOrganization(t.db);
    const cluster = facts();
    const first = await registerAgent(t.db, { ...cluster, organizationId: organization.id, name: "prod" });
    expect(first.credential).toMatch(/^mpa_/);
    expect(first.connection).toMatchObject({ kind: "kubernetes", status: "connected", name: "prod" });
    expect(first.connection.metadata).toMatchObject({ kubeSystemUid: cluster.kubeSystemUid, nodeCount: 3 });

    const again = await registerAgent(t.db, {
      ...cluster,
      nodeCount: 5,
      organizationId: organization.id,
      name: "renamed",
    });
    expect(again.agent.id).toBe(first.agent.id);
    expect(again.connection.id).toBe(first.connection.id);
    expect(again.connection.metadata).toMatchObject({ nodeCount: 5 });
    // The old credential is replaced, not kept alongside.
    expect(await getAgentByCredential(t.db, { credential: first.credential })).toBeUndefined();
    expect((await getAgentByCredential(t.db, { credential: again.credential }))?.slot).toBe("current");
  });

  it("keeps the same UID in two organisations apart", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const cluster = facts();
    const inA = await registerAgent(t.db, { ...cluster, organizationId: a.organization.id, name: "x" });
    const inB = await registerAgent(t.db, { ...cluster, organizationId: b.organization.id, name: "x" });
    expect(inA.agent.id).not.toBe(inB.agent.id);
    expect(inA.connection.id).not.toBe(inB.connection.id);
  });

  it("rotates a credential and keeps the presented one as the previous slot", async () => {
    const { organization } = await createOrganization(t.db);
    const { credential, agent } = await registerAgent(t.db, {
      ...facts(),
      organizationId: organization.id,
      name: "c",
    });
    const rotated = await rotateAgentCredential(t.db, {
      organizationId: organization.id,
      id: agent.id,
      presentedCredential: credential,
    });
    expect(rotated.credential).not.toBe(credential);
    expect((await getAgentByCredential(t.db, { credential }))?.slot).toBe("previous");
    expect((await getAgentByCredential(t.db, { credential: rotated.credential }))?.slot).toBe("current");
    expect(rotated.agent.previousCredentialExpiresAt?.getTime()).toBeGreaterThan(Date.now());

    await revokeAgentCredential(t.db, { organizationId: organization.id, id: agent.id });
    await expect(
      rotateAgentCredential(t.db, {
        organizationId: organization.id,
        id: agent.id,
        presentedCredential: rotated.credential,
      }),
    ).rejects.toThrow();
  });

  it("moves silent agents' connections to disconnected and heartbeats bring them back", async () => {
    const { organization } = await createOrganization(t.db);
    const silent = await registerAgent(t.db, { ...facts(), organizationId: organization.id, name: "quiet" });
    const chatty = await registerAgent(t.db, { ...facts(), organizationId: organization.id, name: "loud" });
    const cutoff = new Date(Date.now() + 1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await recordAgentHeartbeat(t.db, {
      organizationId: organization.id,
      id: chatty.agent.id,
      agentVersion: "0.2.0",
    });

    const moved = await markSilentAgentsDisconnected(t.db, { olderThan: cutoff });
    expect(moved).toContainEqual({ organizationId: organization.id, connectionId: silent.connection.id });
    expect(moved.map((row) => row.connectionId)).not.toContain(chatty.connection.id);
    const scope = { organizationId: organization.id, id: silent.connection.id };
    expect((await getConnection(t.db, scope))?.status).toBe("disconnected");

    const back = await recordAgentHeartbeat(t.db, {
      organizationId: organization.id,
      id: silent.agent.id,
      agentVersion: "0.2.0",
      nodeCount: 4,
    });
    expect(back.connection.status).toBe("connected");
    expect(back.connection.metadata).toMatchObject({ agentVersion: "0.2.0", nodeCount: 4 });

    // Maintenance was a user's choice: a heartbeat does not override it.
    await updateConnectionStatus(t.db, { ...scope, status: "maintenance" });
    const kept = await recordAgentHeartbeat(t.db, {
      organizationId: organization.id,
      id: silent.agent.id,
      agentVersion: "0.2.0",
    });
    expect(kept.connection.status).toBe("maintenance");
  });
});

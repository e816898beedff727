import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeApi, json, startFakeApi } from "../testing/fake-api";
import { type Agent, type ClusterConnection, clustersOf, readInventory } from "./clusters";

describe("clustersOf", () => {
  const connection = (id: string, extra: Partial<ClusterConnection> = {}): ClusterConnection => ({
    id,
    name: `cluster-${id}`,
    kind: "kubernetes",
    status: "connected",
    metadata: { kubernetesVersion: "v1.34.1", nodeCount: 3, agentVersion: "0.1.0" },
    ...extra,
  });
  const agent = (connectionId: string, extra: Partial<Agent> = {}): Agent => ({
    id: `agent-${connectionId}`,
    connectionId,
    kubeSystemUid: "uid",
    version: "0.2.0",
    lastHeartbeatAt: "2026-12-06T17:00:00Z",
    credentialExpiresAt: "2027-01-05T17:00:00Z",
    revoked: false,
    createdAt: "2026-12-06T16:00:00Z",
    ...extra,
  });

  it("pairs each Kubernetes connection with its agent and leaves out other kinds and deleted ones", () => {
    const clusters = clustersOf(
      [agent("a"), agent("b", { revoked: true })],
      [
        connection("a", { metadata: { nodeCount: 5, credentialNote: { message: "rotate me" } } }),
        connection("b", { status: "disconnected" }),
        connection("c"),
        connection("d", { status: "deleted" }),
        connection("e", { kind: "prometheus" }),
      ],
    );
    expect(clusters.map((c) => c.connectionId)).toEqual(["a", "b", "c"]);
    expect(clusters[0]).toMatchObject({
      agentId: "agent-a",
      nodeCount: 5,
      agentVersion: "0.2.0",
      credentialNote: "rotate me",
    });
    expect(clusters[1]).toMatchObject({ status: "disconnected", revoked: true });
    expect(clusters[2]).toMatchObject({ agentId: null, agentVersion: "0.1.0", lastHeartbeatAt: null });
  });
});

describe("readInventory", () => {
  let api: FakeApi;
  let answer: (path: string, res: ServerResponse) => void = () => {};
  beforeAll(async () => {
    api = await startFakeApi((req, res) => answer(req.url ?? "", res));
    process.env.API_URL = api.url;
  });
  afterAll(() => api?.close());

  it("says the inventory has not arrived when the API has no such route", async () => {
    answer = (path, res) =>
      json(res, 404, {
        error: { code: "NOT_FOUND", message: `No route for GET ${path.split("?")[0]}`, requestId: "r" },
      });
    expect(await readInventory("token", "org", "conn", {})).toEqual({ state: "missing" });
  });

  it("passes on any other refusal, such as an unknown connection", async () => {
    answer = (_path, res) =>
      json(res, 404, { error: { code: "NOT_FOUND", message: "No connection conn", requestId: "r" } });
    await expect(readInventory("token", "org", "conn", {})).rejects.toThrow("No connection conn");
  });

  it("reads the kinds and a page, sending only the filters that are set", async () => {
    const seen: string[] = [];
    answer = (path, res) => {
      seen.push(path);
      if (path.includes("/inventory/kinds"))
        json(res, 200, { kinds: [{ apiGroup: "", kind: "Pod", count: 2 }], total: 2 });
      else
        json(res, 200, {
          objects: [{ uid: "u1", kind: "Pod", namespace: "shop", name: "web", labels: {} }],
          next: "abc",
        });
    };
    const view = await readInventory("token", "org", "conn", { kind: "Pod", q: "we" });
    expect(view).toMatchObject({ state: "ready", next: "abc", kinds: [{ kind: "Pod", count: 2 }] });
    // Exactly the filters set, no empty namespace or cursor (a request of the test before may also land here).
    expect(seen).toContain("/api/connections/conn/inventory?orgId=org&kind=Pod&q=we");
  });
});

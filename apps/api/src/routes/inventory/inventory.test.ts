import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody, TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";
import { createAgentTestApp, installAgent, postJson, type Registered } from "../agents/testing";

type Page = {
  objects: {
    uid: string;
    kind: string;
    namespace: string;
    name: string;
    labels: Record<string, string>;
    object: Record<string, unknown>;
  }[];
  next: string | null;
};

describe("GET /api/connections/{id}/inventory", () => {
  let ctx: TestApp;
  let user: SignedIn;
  let agent: Registered;
  beforeAll(async () => {
    ctx = await createAgentTestApp();
    user = await signIn(ctx);
    agent = await installAgent(ctx, user);
    const deltas = [
      ...Array.from({ length: 30 }, (_, i) => ({
        op: "upsert",
        uid: `pod-${i}`,
        apiVersion: "v1",
        kind: "Pod",
        namespace: i % 2 ? "shop" : "billing",
        name: `web-${String(i).padStart(2, "0")}`,
        resourceVersion: "1",
        generation: 1,
        object: { metadata: { name: `web-${i}`, labels: { app: "web", tier: String(i % 3) } } },
      })),
      {
        op: "upsert",
        uid: "ns-1",
        apiVersion: "v1",
        kind: "Namespace",
        name: "shop",
        resourceVersion: "1",
        generation: 1,
        object: { metadata: { name: "shop" } },
      },
    ];
    const res = await postJson(ctx, "/api/agents/inventory", { deltas }, agent.credential);
    if (res.status !== 200) throw new Error(await res.text());
  });
  afterAll(() => ctx.close());

  const get = async (query: string, as = user, connectionId = agent.connectionId) => {
    const res = await ctx.app.request(
      `/api/connections/${connectionId}/inventory?orgId=${agent.organizationId}&${query}`,
      { headers: bearer(as.jwt) },
    );
    return { status: res.status, body: (await res.json()) as Page & ErrorBody };
  };

  it("pages through every object once, in kind, namespace, name order", async () => {
    const seen: Page["objects"] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await get(`limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      seen.push(...body.objects);
      cursor = body.next;
    } while (cursor);
    expect(seen).toHaveLength(31);
    expect(new Set(seen.map((o) => o.uid)).size).toBe(31);
    expect(seen[0]?.kind).toBe("Namespace");
    expect(seen.slice(1, 16).every((o) => o.namespace === "billing")).toBe(true);
    expect(seen[1]?.labels).toEqual({ app: "web", tier: "0" });
  });

  it("filters by kind, namespace and a name fragment", async () => {
    expect((await get("kind=Namespace")).body.objects.map((o) => o.name)).toEqual(["shop"]);
    const shop = await get("kind=Pod&namespace=shop&limit=200");
    expect(shop.body.objects).toHaveLength(15);
    // Sorted by namespace first: billing's even numbers, then shop's odd ones.
    expect((await get("q=WEB-0&limit=200")).body.objects.map((o) => o.name)).toEqual(
      ["00", "02", "04", "06", "08", "01", "03", "05", "07", "09"].map((n) => `web-${n}`),
    );
    expect((await get("q=%25")).body.objects).toEqual([]);
  });

  it("counts objects per kind", async () => {
    const res = await ctx.app.request(
      `/api/connections/${agent.connectionId}/inventory/kinds?orgId=${agent.organizationId}`,
      { headers: bearer(user.jwt) },
    );
    expect(await res.json()).toEqual({
      kinds: [
        { apiGroup: "", kind: "Namespace", count: 1 },
        { apiGroup: "", kind: "Pod", count: 30 },
      ],
      total: 31,
    });
  });

  it("refuses hostile queries and other tenants with the error envelope", async () => {
    for (const query of [
      "cursor=bm9wZQ",
      "cursor=%7B%7D",
      "limit=0",
      "limit=201",
      "limit=abc",
      `q=${"x".repeat(201)}`,
    ]) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(body.error.code, query).toBe("BAD_REQUEST");
    }
    const notUuid = await ctx.app.request(
      `/api/connections/not-a-uuid/inventory?orgId=${agent.organizationId}`,
      {
        headers: bearer(user.jwt),
      },
    );
    expect(notUuid.status).toBe(400);
    expect((await get("", user, crypto.randomUUID())).status).toBe(404);
    const stranger = await signIn(ctx);
    const { status, body } = await get("", stranger);
    expect(status).toBe(404);
    expect(JSON.stringify(body)).not.toContain("web-");
    // The stranger's own organisation with our connection id: still nothing.
    const res = await ctx.app.request(
      `/api/connections/${agent.connectionId}/inventory?orgId=${stranger.personalOrgId}`,
      { headers: bearer(stranger.jwt) },
    );
    expect(res.status).toBe(404);
    expect(
      (
        await ctx.app.request(
          `/api/connections/${agent.connectionId}/inventory?orgId=${agent.organizationId}`,
        )
      ).status,
    ).toBe(401);
    // An agent credential is not a user's: the browser is for people.
    expect(
      (
        await ctx.app.request(
          `/api/connections/${agent.connectionId}/inventory?orgId=${agent.organizationId}`,
          {
            headers: bearer(agent.credential),
          },
        )
      ).status,
    ).toBe(401);
  });
});

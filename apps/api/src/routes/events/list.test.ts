import { recordEvent } from "@meshplane/db/queries";
import { createOrganization } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import type { ListEventsResponse } from "./list";

describe("GET /api/events", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it("shows the system event a workflow recorded", async () => {
    await ctx.workflows.send({
      name: "system/instance.started",
      data: { version: "0.1.0", runtime: "node", mode: "one-machine", database: "pglite" },
    });
    await ctx.workflows.drain();
    const res = await ctx.app.request("/api/events");
    expect(res.status).toBe(200);
    const body = (await res.json()) as ListEventsResponse;
    expect(body.events.map((event) => event.action)).toContain("system.instance.started");
    expect(body.events[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("shows anonymous callers no tenant's events", async () => {
    const { organization } = await createOrganization(ctx.t.db);
    await recordEvent(ctx.t.db, {
      organizationId: organization.id,
      actorType: "user",
      action: "tenant.secret",
    });
    const body = (await (await ctx.app.request("/api/events?limit=200")).json()) as ListEventsResponse;
    expect(body.events.map((event) => event.action)).not.toContain("tenant.secret");
    expect(body.events.every((event) => event.organizationId === null)).toBe(true);
  });

  it("pages with limit and before", async () => {
    for (const n of [1, 2, 3]) {
      await recordEvent(ctx.t.db, {
        actorType: "system",
        action: `paging.${n}`,
        createdAt: new Date(Date.UTC(2020, 0, n)),
      });
    }
    const first = (await (
      await ctx.app.request("/api/events?limit=1&before=2020-01-04T00:00:00Z")
    ).json()) as ListEventsResponse;
    expect(first.events.map((event) => event.action)).toEqual(["paging.3"]);
    expect(first.nextBefore).not.toBeNull();
    const second = (await (
      await ctx.app.request(`/api/events?limit=5&before=${encodeURIComponent(first.nextBefore ?? "")}`)
    ).json()) as ListEventsResponse;
    expect(second.events.map((event) => event.action)).toEqual(["paging.2", "paging.1"]);
    expect(second.nextBefore).toBeNull();
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=abc", "limit"],
    ["limit=201", "limit"],
    ["before=yesterday", "before"],
  ])("refuses %s with the 400 envelope naming the field", async (query, field) => {
    const res = await ctx.app.request(`/api/events?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toContain(field);
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApiToken,
  findApiTokenByHash,
  getDesign,
  hashApiToken,
  listDesigns,
  listEvents,
  recordEvent,
  rowsOf,
  upsertUserByEmail,
  withTransaction,
} from "../queries/index";
import {
  createDesign,
  createOrganization,
  createTestDb,
  type NeonHttpEndpoint,
  startNeonHttpEndpoint,
  type TestDb,
} from "../testing/index";
import type { Db } from "../types";
import { createNeonHttpDb } from "./neon-http";

// The HTTP driver needs a real PostgreSQL server behind the local endpoint: PGlite has no TCP port.
describe("Neon HTTP driver against a real PostgreSQL server", () => {
  let t: TestDb;
  let endpoint: NeonHttpEndpoint;
  let http: Db;
  beforeAll(async () => {
    t = await createTestDb();
    endpoint = await startNeonHttpEndpoint();
    http = createNeonHttpDb(t.url ?? "", { fetchEndpoint: endpoint.url });
  });
  afterAll(async () => {
    await endpoint?.close();
    await t?.close();
  });

  it("runs raw SQL and parses types from their text output", async () => {
    const result = await http.execute(sql`select current_database() as name, 41 + 1 as answer`);
    const [row] = rowsOf<{ name: string; answer: number }>(result);
    expect(row).toEqual({ name: new URL(t.url ?? "").pathname.slice(1), answer: 42 });
  });

  it("reads what the pool wrote: timestamps, jsonb, text[] and joins come back typed", async () => {
    const { organization, owner } = await createOrganization(t.db);
    const { design } = await createDesign(t.db, { organizationId: organization.id, name: "over-http" });

    const read = await getDesign(http, { organizationId: organization.id, id: design.id });
    expect(read?.createdAt).toBeInstanceOf(Date);
    expect(read?.currentRevision?.content).toEqual({
      schemaVersion: "designs.meshery.io/v1beta1",
      components: [],
      relationships: [],
    });
    const page = await listDesigns(http, { organizationId: organization.id, search: "over" });
    expect(page.total).toBe(1);

    const { token } = await createApiToken(http, {
      organizationId: organization.id,
      userId: owner.id,
      name: "http",
      scopes: ["designs:read", "designs:write"],
    });
    const found = await findApiTokenByHash(http, { tokenHash: await hashApiToken(token) });
    expect(found?.scopes).toEqual(["designs:read", "designs:write"]);
  });

  it("writes single statements, and surfaces PostgreSQL errors with their SQLSTATE", async () => {
    const user = await upsertUserByEmail(http, { email: "http@example.test", name: "Over HTTP" });
    await recordEvent(http, { actorType: "user", actorId: user.id, action: "http.tested" });
    expect((await listEvents(t.db, { organizationId: null })).map((e) => e.action)).toContain("http.tested");

    const failure = await http.execute(sql`select 1 / 0`).catch((error: unknown) => error);
    expect(failure).toMatchObject({ cause: { code: "22012" } });
  });

  it("has no interactive transactions, so multi-write queries must use the pool", async () => {
    await expect(withTransaction(http, async () => 1)).rejects.toThrow(/transactions/i);
  });
});

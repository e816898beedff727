import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createTestDb, type TestDb } from "../testing/index";
import {
  createApiToken,
  findApiTokenByHash,
  hashApiToken,
  listApiTokens,
  revokeApiToken,
} from "./api-tokens";
import { rowsOf } from "./health";

describe("api tokens", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("stores only the SHA-256 of the token, never the token itself", async () => {
    const { organization, owner } = await createOrganization(t.db);
    const { token, apiToken } = await createApiToken(t.db, {
      organizationId: organization.id,
      userId: owner.id,
      name: "mesheryctl",
      scopes: ["designs:read"],
    });
    expect(token).toMatch(/^mp_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(apiToken).not.toHaveProperty("tokenHash");

    const stored = rowsOf<Record<string, unknown>>(
      await t.db.execute(sql`select * from api_tokens where id = ${apiToken.id}`),
    );
    expect(stored).toHaveLength(1);
    const values = Object.values(stored[0] ?? {}).map(String);
    expect(values.some((value) => value.includes(token))).toBe(false);
    expect(stored[0]?.token_hash).toBe(await hashApiToken(token));
    expect(await hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("finds a token by its hash until it is revoked", async () => {
    const { organization, owner } = await createOrganization(t.db);
    const { token, apiToken } = await createApiToken(t.db, {
      organizationId: organization.id,
      userId: owner.id,
      name: "ci",
    });
    const tokenHash = await hashApiToken(token);
    expect((await findApiTokenByHash(t.db, { tokenHash }))?.id).toBe(apiToken.id);
    expect(await findApiTokenByHash(t.db, { tokenHash: await hashApiToken(`${token}x`) })).toBeUndefined();

    expect(await revokeApiToken(t.db, { organizationId: organization.id, id: apiToken.id })).toBe(true);
    expect(await revokeApiToken(t.db, { organizationId: organization.id, id: apiToken.id })).toBe(false);
    expect(await findApiTokenByHash(t.db, { tokenHash })).toBeUndefined();
  });

  it("rejects a token once it has expired", async () => {
    const { organization, owner } = await createOrganization(t.db);
    const expiresAt = new Date(Date.now() + 60_000);
    const { token } = await createApiToken(t.db, {
      organizationId: organization.id,
      userId: owner.id,
      name: "short-lived",
      expiresAt,
    });
    const tokenHash = await hashApiToken(token);
    expect(await findApiTokenByHash(t.db, { tokenHash })).toBeDefined();
    expect(
      await findApiTokenByHash(t.db, { tokenHash, now: new Date(expiresAt.getTime() + 1) }),
    ).toBeUndefined();
  });

  it("lists and revokes tokens only within their organisation", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const { token, apiToken } = await createApiToken(t.db, {
      organizationId: a.organization.id,
      userId: a.owner.id,
      name: "a-token",
    });
    const listed = await listApiTokens(t.db, { organizationId: a.organization.id, userId: a.owner.id });
    expect(listed.map((row) => row.id)).toEqual([apiToken.id]);
    expect(listed[0]).not.toHaveProperty("tokenHash");
    expect(await listApiTokens(t.db, { organizationId: b.organization.id })).toEqual([]);

    expect(await revokeApiToken(t.db, { organizationId: b.organization.id, id: apiToken.id })).toBe(false);
    expect(await findApiTokenByHash(t.db, { tokenHash: await hashApiToken(token) })).toBeDefined();
  });
});

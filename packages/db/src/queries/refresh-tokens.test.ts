import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, createUser, type TestDb } from "../testing/index";
import { hitRateLimit } from "./rate-limits";
import {
  createRefreshToken,
  isRefreshFamilyActive,
  revokeRefreshToken,
  rotateRefreshToken,
} from "./refresh-tokens";

const hour = 3_600_000;

describe("refresh tokens", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("rotates: the old token stops working and the family stays active", async () => {
    const user = await createUser(t.db);
    const first = await createRefreshToken(t.db, {
      userId: user.id,
      clientOrigin: "http://meshery.test",
      expiresAt: new Date(Date.now() + hour),
    });
    const second = await rotateRefreshToken(t.db, {
      token: first.token,
      expiresAt: new Date(Date.now() + hour),
    });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.token).not.toBe(first.token);
    expect(second.refreshToken.familyId).toBe(first.refreshToken.familyId);
    expect(await isRefreshFamilyActive(t.db, { familyId: first.refreshToken.familyId })).toBe(true);
  });

  it("treats reuse of a rotated token as theft and revokes the whole family", async () => {
    const user = await createUser(t.db);
    const first = await createRefreshToken(t.db, {
      userId: user.id,
      clientOrigin: "http://meshery.test",
      expiresAt: new Date(Date.now() + hour),
    });
    const second = await rotateRefreshToken(t.db, {
      token: first.token,
      expiresAt: new Date(Date.now() + hour),
    });
    const replay = await rotateRefreshToken(t.db, {
      token: first.token,
      expiresAt: new Date(Date.now() + hour),
    });
    expect(replay).toEqual({ ok: false, reason: "reused" });
    if (!second.ok) throw new Error("rotation failed");
    const afterReplay = await rotateRefreshToken(t.db, {
      token: second.token,
      expiresAt: new Date(Date.now() + hour),
    });
    expect(afterReplay).toEqual({ ok: false, reason: "revoked" });
    expect(await isRefreshFamilyActive(t.db, { familyId: first.refreshToken.familyId })).toBe(false);
  });

  it("refuses unknown and expired tokens, and revocation ends the family", async () => {
    const user = await createUser(t.db);
    expect(await rotateRefreshToken(t.db, { token: "mpr_nope", expiresAt: new Date() })).toEqual({
      ok: false,
      reason: "unknown",
    });
    const expired = await createRefreshToken(t.db, {
      userId: user.id,
      clientOrigin: "http://meshery.test",
      expiresAt: new Date(Date.now() - 1_000),
    });
    expect(await rotateRefreshToken(t.db, { token: expired.token, expiresAt: new Date() })).toEqual({
      ok: false,
      reason: "expired",
    });
    const live = await createRefreshToken(t.db, {
      userId: user.id,
      clientOrigin: "http://meshery.test",
      expiresAt: new Date(Date.now() + hour),
    });
    expect(await revokeRefreshToken(t.db, { token: live.token })).toBe(true);
    expect(await revokeRefreshToken(t.db, { token: "mpr_unknown" })).toBe(false);
    expect(await isRefreshFamilyActive(t.db, { familyId: live.refreshToken.familyId })).toBe(false);
  });
});

describe("rate limits", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("allows `limit` hits per window, then refuses until the next window", async () => {
    const now = new Date("2026-11-22T10:00:05Z");
    const hits = [];
    for (let i = 0; i < 4; i++) {
      hits.push(await hitRateLimit(t.db, { key: "ip:203.0.113.9", limit: 3, windowSeconds: 60, now }));
    }
    expect(hits.map((hit) => hit.allowed)).toEqual([true, true, true, false]);
    expect(hits[3]?.retryAfterSeconds).toBe(55);
    const next = await hitRateLimit(t.db, {
      key: "ip:203.0.113.9",
      limit: 3,
      windowSeconds: 60,
      now: new Date("2026-11-22T10:01:00Z"),
    });
    expect(next).toMatchObject({ allowed: true, count: 1 });
    const other = await hitRateLimit(t.db, { key: "ip:198.51.100.1", limit: 3, windowSeconds: 60, now });
    expect(other.count).toBe(1);
  });
});

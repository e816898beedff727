import { rowsOf } from "@meshplane/db/queries";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../testing/app";
import { bearer, callInternal, type SignedIn, signIn } from "../testing/identity";
import { publishedJwks, rotateSigningKey, signToken } from "./signing";

const profile = (ctx: TestApp, headers: Record<string, string>) =>
  ctx.app.request("/api/identity/users/profile", { headers });

describe("bad credentials and bad input on the identity endpoints", () => {
  let ctx: TestApp;
  let user: SignedIn;
  beforeAll(async () => {
    ctx = await createTestApp();
    user = await signIn(ctx);
  });
  afterAll(() => ctx.close());

  it.each([
    ["a bare word", "Bearer nonsense"],
    ["a non-bearer scheme", "Basic dXNlcjpwYXNz"],
    ["a truncated JWT", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0"],
    ["a JWT with a forged signature", "Bearer FORGED"],
    ["an unknown API token", "Bearer mp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a 10 kB token", `Bearer ${"a".repeat(10_000)}`],
  ])("answers 401 in the envelope for %s", async (_, authorization) => {
    const value =
      authorization === "Bearer FORGED"
        ? `Bearer ${user.jwt.slice(0, user.jwt.lastIndexOf(".") + 1)}c2lnbmF0dXJl`
        : authorization;
    const response = await profile(ctx, { authorization: value });
    expect(response.status).toBe(401);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("UNAUTHORIZED");
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it("refuses a JWT signed by a key it never published, and one for another audience", async () => {
    const { SignJWT, generateKeyPair } = await import("jose");
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "made-up" })
      .setSubject(user.userId)
      .setAudience("meshplane-web")
      .setIssuer(ctx.auth.publicUrl)
      .setExpirationTime("5m")
      .sign(privateKey);
    expect((await profile(ctx, bearer(forged))).status).toBe(401);
    const none = `${btoa(JSON.stringify({ alg: "none" }))}.${btoa(JSON.stringify({ sub: user.userId, aud: "meshplane-web" }))}.`;
    expect((await profile(ctx, bearer(none))).status).toBe(401);
  });

  it("keeps tokens signed before a key rotation valid, and publishes both keys until they expire", async () => {
    const before = await signToken(ctx.t.db, ctx.auth, { sub: user.userId, aud: "meshplane-web" });
    const kid = await rotateSigningKey(ctx.t.db, ctx.auth);
    const after = await signToken(ctx.t.db, ctx.auth, { sub: user.userId, aud: "meshplane-web" });
    expect(JSON.parse(atob(after.token.split(".")[0] ?? "")).kid).toBe(kid);
    const kids = (await publishedJwks(ctx.t.db)).keys.map((key) => key.kid);
    expect(kids[0]).toBe(kid);
    expect(kids.length).toBeGreaterThanOrEqual(2);
    for (const token of [before.token, after.token])
      expect((await profile(ctx, bearer(token))).status).toBe(200);
  });

  it("rotates a key older than thirty days on the next signature, keeping the old one published", async () => {
    const { token: before } = await signToken(ctx.t.db, ctx.auth, { sub: user.userId, aud: "meshplane-web" });
    const oldKid = JSON.parse(atob(before.split(".")[0] ?? "")).kid as string;
    await ctx.t.db.execute(
      sql`update signing_keys set created_at = now() - interval '31 days' where kid = ${oldKid}`,
    );
    const { token: after } = await signToken(ctx.t.db, ctx.auth, { sub: user.userId, aud: "meshplane-web" });
    const newKid = JSON.parse(atob(after.split(".")[0] ?? "")).kid as string;
    expect(newKid).not.toBe(oldKid);
    expect((await publishedJwks(ctx.t.db)).keys.map((key) => key.kid)).toContain(oldKid);
    expect((await profile(ctx, bearer(before))).status).toBe(200);
  });

  it("stores signing keys sealed: no private key material in the clear", async () => {
    const rows = rowsOf<Record<string, unknown>>(await ctx.t.db.execute(sql`select * from signing_keys`));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toMatch(/"d":|"p":|"q":|PRIVATE/);
      expect(row.public_jwk).not.toHaveProperty("d");
    }
  });

  it("refuses the internal endpoints without the web app's secret", async () => {
    for (const secret of [undefined, "", "wrong", `${ctx.auth.internalSecret}x`]) {
      const response = await ctx.app.request("/api/internal/auth/dev-sign-in", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret === undefined ? {} : { "x-meshplane-internal": secret }),
        },
        body: JSON.stringify({ email: "mallory@example.test" }),
      });
      expect(response.status).toBe(401);
    }
  });

  it("answers 404 for the dev sign-in when it is disabled", async () => {
    const production = await createTestApp({ auth: { ...ctx.auth, devSignIn: false } });
    try {
      const response = await callInternal(production, "/api/internal/auth/dev-sign-in", {
        email: "a@example.test",
      });
      expect(response.status).toBe(404);
    } finally {
      await production.close();
    }
  });

  it("answers 400 naming the field for unknown fields, wrong types and bad scopes", async () => {
    const post = (body: unknown) =>
      ctx.app.request("/api/identity/tokens", {
        method: "POST",
        headers: { ...bearer(user.jwt), "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const cases = [
      { orgId: user.personalOrgId, name: "x", admin: true },
      { orgId: user.personalOrgId, name: 42 },
      { orgId: "not-a-uuid", name: "x" },
      { orgId: user.personalOrgId, name: "x", scopes: ["root:everything"] },
      { orgId: user.personalOrgId, name: "x", expiresInDays: -3 },
    ];
    for (const body of cases) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("BAD_REQUEST");
    }
  });

  it("answers 413 for an oversize body and 415 for a wrong content type", async () => {
    const big = await ctx.app.request("/api/identity/users/preferences", {
      method: "PUT",
      headers: { ...bearer(user.jwt), "content-type": "application/json" },
      body: JSON.stringify({ blob: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    const text = await ctx.app.request("/refresh", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "token=x",
    });
    expect([400, 415]).toContain(text.status);
  });

  it("creates a token once, hides it afterwards, and an API token cannot mint another", async () => {
    const created = await ctx.app.request("/api/identity/tokens", {
      method: "POST",
      headers: { ...bearer(user.jwt), "content-type": "application/json" },
      body: JSON.stringify({
        orgId: user.personalOrgId,
        name: "ci",
        scopes: ["designs:read"],
        expiresInDays: null,
      }),
    });
    expect(created.status).toBe(201);
    const { token, apiToken } = (await created.json()) as {
      token: string;
      apiToken: { id: string; expiresAt: null };
    };
    expect(apiToken.expiresAt).toBeNull();
    const listed = await (
      await ctx.app.request(`/api/identity/tokens?orgId=${user.personalOrgId}`, { headers: bearer(user.jwt) })
    ).text();
    expect(listed).toContain(apiToken.id);
    expect(listed).not.toContain(token);
    const minted = await ctx.app.request("/api/identity/tokens", {
      method: "POST",
      headers: { ...bearer(token), "content-type": "application/json" },
      body: JSON.stringify({ orgId: user.personalOrgId, name: "child" }),
    });
    expect(minted.status).toBe(403);
    // Scoped to designs:read: listing workspaces needs workspaces:read, which the scope leaves out.
    expect((await ctx.app.request("/api/workspaces", { headers: bearer(token) })).status).toBe(403);
    expect((await ctx.app.request("/api/identity/users/profile", { headers: bearer(token) })).status).toBe(
      200,
    );
  });

  it("rate-limits the token endpoints and says when to retry", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    // 61 calls: even if a window boundary falls inside the loop, one window sees more than 30.
    for (let i = 0; i < 61; i++) {
      const response = await ctx.app.request("/refresh", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: `mpr_guess_${i}` }),
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(29);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

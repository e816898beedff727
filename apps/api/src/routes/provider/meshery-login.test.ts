import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, callInternal, type SignedIn, signIn } from "../../testing/identity";

const mesheryCallback = "http://meshery.example.test:9081/api/user/token";
const b64 = (text: string) => btoa(text);

type OAuthToken = { access_token: string; refresh_token: string; token_type: string; expiry: string };
const decodeCookie = (value: string) => JSON.parse(atob(value)) as OAuthToken;

const postJson = (ctx: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) =>
  ctx.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("the Meshery Server login round trip", () => {
  let ctx: TestApp;
  let user: SignedIn;
  beforeAll(async () => {
    ctx = await createTestApp();
    user = await signIn(ctx);
  });
  afterAll(() => ctx.close());

  async function login(): Promise<{ cookie: string; redirect: URL }> {
    // 1. Meshery Server sends the browser to /login; we pass it on to the web app's consent page.
    const start = await ctx.app.request(
      `/login?source=${encodeURIComponent(b64(mesheryCallback))}&ref=${encodeURIComponent(b64("/"))}&provider_version=v0.8.0`,
    );
    expect(start.status).toBe(302);
    const consent = new URL(start.headers.get("location") ?? "");
    expect(`${consent.origin}${consent.pathname}`).toBe(`${ctx.auth.webUrl}/provider/login`);
    expect(consent.searchParams.get("source")).toBe(b64(mesheryCallback));
    // 2. The signed-in user allows it; the web app asks for the callback URL carrying the token.
    const authorized = await callInternal(ctx, "/api/internal/meshery/authorize", {
      sessionToken: user.sessionToken,
      source: consent.searchParams.get("source"),
      ref: consent.searchParams.get("ref"),
    });
    expect(authorized.status).toBe(200);
    const redirect = new URL(((await authorized.json()) as { redirectUrl: string }).redirectUrl);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(mesheryCallback);
    expect(redirect.searchParams.get("ref")).toBe(b64("/"));
    expect(redirect.searchParams.get("session_cookie")).toMatch(/^[0-9a-f-]{36}$/);
    return { cookie: redirect.searchParams.get("token") ?? "", redirect };
  }

  it("hands Meshery a base64 oauth2 token whose JWT verifies against /keys and reaches the profile", async () => {
    const { cookie } = await login();
    expect(cookie).not.toMatch(/=$/); // RawStd: no padding, as Go's base64.RawStdEncoding writes
    const token = decodeCookie(cookie);
    expect(token.token_type).toBe("Bearer");
    expect(token.refresh_token).toMatch(/^mpr_/);
    const [header] = token.access_token.split(".");
    const kid = (JSON.parse(atob(header ?? "")) as { kid: string }).kid;
    const jwks = (await (await ctx.app.request("/keys")).json()) as {
      keys: { kid: string; kty: string; d?: string }[];
    };
    expect(jwks.keys.map((key) => key.kid)).toContain(kid);
    expect(jwks.keys.every((key) => key.kty === "RSA" && key.d === undefined)).toBe(true);

    // Meshery sends the cookie value or the bare access token, as bearer or X-API-Key.
    for (const headers of [bearer(cookie), bearer(token.access_token), { "x-api-key": cookie }]) {
      const profile = await ctx.app.request("/api/identity/users/profile", { headers });
      expect(profile.status).toBe(200);
      expect(((await profile.json()) as { email: string }).email).toBe(user.email);
    }
  });

  it("refreshes, introspects and revokes as Meshery Server does", async () => {
    const { cookie } = await login();
    const first = decodeCookie(cookie);
    expect((await postJson(ctx, "/introspect", { token: first.access_token })).status).toBe(200);

    const refreshed = await postJson(ctx, "/refresh", { token: cookie });
    expect(refreshed.status).toBe(200);
    const second = decodeCookie(((await refreshed.json()) as { token: string }).token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await postJson(ctx, "/introspect", { token: second.access_token })).status).toBe(200);

    const revoked = await postJson(ctx, "/revoke", { token: second.refresh_token });
    expect(revoked.status).toBe(200);
    // Revocation ends the whole login: both access tokens stop working at once.
    for (const access of [first.access_token, second.access_token]) {
      const introspected = await postJson(ctx, "/introspect", { token: access });
      expect(introspected.status).toBe(401);
      expect(((await introspected.json()) as ErrorBody).error.message).toMatch(/revoked/);
      expect((await ctx.app.request("/api/identity/users/profile", { headers: bearer(access) })).status).toBe(
        401,
      );
    }
    expect((await postJson(ctx, "/refresh", { token: second.refresh_token })).status).toBe(401);
  });

  it("revokes the whole login when a rotated refresh token is replayed", async () => {
    const { cookie } = await login();
    const first = decodeCookie(cookie);
    const rotated = await postJson(ctx, "/refresh", { token: first.refresh_token });
    expect(rotated.status).toBe(200);
    const replay = await postJson(ctx, "/refresh", { token: first.refresh_token });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as ErrorBody).error.message).toMatch(/already used/);
    const next = decodeCookie(((await rotated.json()) as { token: string }).token);
    expect((await postJson(ctx, "/introspect", { token: next.access_token })).status).toBe(401);
  });

  it("logs out: /logout with the Meshery token ends its session", async () => {
    const { cookie } = await login();
    const out = await ctx.app.request("/logout", { headers: bearer(cookie) });
    expect(out.status).toBe(200);
    expect((await ctx.app.request("/api/identity/users/profile", { headers: bearer(cookie) })).status).toBe(
      401,
    );
  });

  it("advertises only endpoints that answer the signed-in Meshery token", async () => {
    const { cookie } = await login();
    const response = await ctx.app.request("/v0.8.0/capabilities?os=linux", { headers: bearer(cookie) });
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      providerType: string;
      capabilities: { feature: string; endpoint: string }[];
    };
    expect(document.providerType).toBe("remote");
    expect(document.capabilities.length).toBeGreaterThanOrEqual(5);
    const orgQuery = `?orgID=${user.personalOrgId}`;
    for (const { feature, endpoint } of document.capabilities) {
      // sync-prefs is a PUT; every other feature's endpoint lists with GET.
      const answer =
        feature === "sync-prefs"
          ? await ctx.app.request(endpoint, {
              method: "PUT",
              headers: { ...bearer(cookie), "content-type": "application/json" },
              body: JSON.stringify({ loadTestPrefs: { c: 2, qps: 10, t: "30s", gen: "fortio" } }),
            })
          : await ctx.app.request(`${endpoint}${orgQuery}`, { headers: bearer(cookie) });
      expect([feature, answer.status]).toEqual([feature, feature === "sync-prefs" ? 201 : 200]);
    }
  });

  it("refuses a source that is not Meshery's token callback, and an unknown session", async () => {
    for (const source of [
      b64("javascript:alert(1)"),
      b64("http://evil.test/steal"),
      "%%%",
      b64("http://u:p@x.test/api/user/token"),
    ]) {
      const response = await ctx.app.request(`/login?source=${encodeURIComponent(source)}`);
      expect(response.status).toBe(400);
    }
    const unknown = await callInternal(ctx, "/api/internal/meshery/authorize", {
      sessionToken: "not-a-session",
      source: b64(mesheryCallback),
    });
    expect(unknown.status).toBe(401);
  });
});

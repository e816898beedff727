// Test sign-ins through the same internal endpoints the web app calls: a user, their session and API JWT.
import type { TestApp } from "./app";

export type SignedIn = {
  userId: string;
  email: string;
  sessionToken: string;
  jwt: string;
  personalOrgId: string;
};

export async function callInternal(ctx: TestApp, path: string, body: unknown): Promise<Response> {
  return ctx.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", "x-meshplane-internal": ctx.auth.internalSecret },
    body: JSON.stringify(body),
  });
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs a user in with the development sign-in and trades the session for an API JWT. */
export async function signIn(
  ctx: TestApp,
  email = `user-${crypto.randomUUID()}@example.test`,
): Promise<SignedIn> {
  const { sessionToken } = await json<{ sessionToken: string }>(
    await callInternal(ctx, "/api/internal/auth/dev-sign-in", { email }),
    "dev sign-in",
  );
  const { token } = await json<{ token: string }>(
    await callInternal(ctx, "/api/internal/auth/session-token", { sessionToken }),
    "session token",
  );
  const profile = await json<{
    id: string;
    organizations: { organizationsWithRoles: { id: string; personal: boolean }[] };
  }>(
    await ctx.app.request("/api/identity/users/profile", { headers: { authorization: `Bearer ${token}` } }),
    "profile",
  );
  const personal = profile.organizations.organizationsWithRoles.find((org) => org.personal);
  if (!personal) throw new Error("no personal organisation after sign-in");
  return { userId: profile.id, email, sessionToken, jwt: token, personalOrgId: personal.id };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

// Who is calling: the bearer credential (session JWT, Meshery token, API token) resolved to one typed actor.
import {
  getApiTokenByHash,
  hashApiToken,
  isRefreshFamilyActive,
  markApiTokenUsed,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import type { Context } from "hono";
import { resolveAgentCredential } from "./auth/agent-credential";
import type { AuthConfig } from "./auth/config";
import { type Audience, TokenError, verifyToken } from "./auth/signing";
import type { AppEnv } from "./context";
import { ApiError } from "./errors";

export type Actor =
  | { type: "anonymous" }
  | { type: "user"; userId: string; via: "session" | "meshery"; sessionId?: string }
  | { type: "apiToken"; tokenId: string; userId: string; organizationId: string; scopes: string[] }
  | { type: "agent"; agentId: string; organizationId: string };

export type SignedInActor = Extract<Actor, { type: "user" | "apiToken" }>;

const MAX_CREDENTIAL_LENGTH = 8192;
const refused = (message: string) => new ApiError({ code: "UNAUTHORIZED", message });

/** The credential a request carries: `Authorization: Bearer` first, then Meshery's `X-API-Key`. */
export function credentialOf(request: Request): string | undefined {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw refused("The Authorization header must be `Bearer <token>`");
    return match[1];
  }
  return request.headers.get("x-api-key")?.trim() || undefined;
}

/** The actor of this request, resolved once and memoised on the context. */
export function actorOf(c: Context<AppEnv>): Promise<Actor> {
  let actor = c.get("actorPromise");
  if (!actor) {
    actor = resolveCredential(c.var.db, c.var.auth, credentialOf(c.req.raw));
    c.set("actorPromise", actor);
  }
  return actor;
}

export async function resolveCredential(db: Db, config: AuthConfig, credential?: string): Promise<Actor> {
  if (!credential) return { type: "anonymous" };
  if (credential.length > MAX_CREDENTIAL_LENGTH) throw refused("The token is malformed");
  if (credential.startsWith("mp_")) return resolveApiToken(db, credential);
  if (credential.startsWith("mpa_")) return resolveAgentCredential(db, credential);
  if (credential.split(".").length === 3) return resolveJwt(db, config, credential);
  // Meshery Server's token cookie: base64 JSON of an OAuth2 token whose access_token is our JWT.
  const accessToken = accessTokenOfCookie(credential);
  if (accessToken) return resolveJwt(db, config, accessToken);
  throw refused("The token is malformed");
}

async function resolveApiToken(db: Db, token: string): Promise<Actor> {
  const row = await getApiTokenByHash(db, { tokenHash: await hashApiToken(token) });
  if (!row) throw refused("The token is not valid");
  if (row.revokedAt) throw refused("The token has been revoked");
  if (row.expiresAt && row.expiresAt <= new Date()) throw refused("The token has expired");
  // Writing on every request would make reads write; a minute of resolution is enough to show "last used".
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await markApiTokenUsed(db, { organizationId: row.organizationId, id: row.id });
  }
  return {
    type: "apiToken",
    tokenId: row.id,
    userId: row.userId,
    organizationId: row.organizationId,
    scopes: row.scopes,
  };
}

async function resolveJwt(db: Db, config: AuthConfig, token: string): Promise<Actor> {
  const audience = unverifiedAudience(token);
  if (!audience) throw refused("The token is not valid");
  try {
    const verified = await verifyToken(db, config, token, audience);
    if (audience === "meshery") {
      if (!verified.sid || !(await isRefreshFamilyActive(db, { familyId: verified.sid }))) {
        throw refused("The token has been revoked");
      }
      return { type: "user", userId: verified.sub, via: "meshery", sessionId: verified.sid };
    }
    return { type: "user", userId: verified.sub, via: "session" };
  } catch (error) {
    if (error instanceof TokenError) {
      throw refused(error.reason === "expired" ? "The token has expired" : `The token is ${error.reason}`);
    }
    throw error;
  }
}

function unverifiedAudience(token: string): Audience | undefined {
  try {
    const payload = JSON.parse(atob(base64UrlToBase64(token.split(".")[1] ?? ""))) as { aud?: unknown };
    const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
    return aud === "meshery" || aud === "meshplane-web" ? aud : undefined;
  } catch {
    throw refused("The token is malformed");
  }
}

export function accessTokenOfCookie(value: string): string | undefined {
  try {
    const parsed = JSON.parse(atob(base64UrlToBase64(value))) as { access_token?: unknown };
    return typeof parsed.access_token === "string" ? parsed.access_token : undefined;
  } catch {
    return undefined;
  }
}

function base64UrlToBase64(value: string): string {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
  return base64 + "=".repeat((4 - (base64.length % 4)) % 4);
}

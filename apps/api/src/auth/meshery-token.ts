// Tokens for Meshery Server: an RS256 access JWT plus a rotating refresh token, packed as its `token` cookie expects.
import { createRefreshToken, rotateRefreshToken } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import type { AuthConfig } from "./config";
import { signToken } from "./signing";

const REFRESH_DAYS = 30;

/** Go's oauth2.Token as JSON, which Meshery Server base64-encodes (RawStd) into its `token` cookie. */
export type OAuthToken = {
  access_token: string;
  token_type: "Bearer";
  refresh_token: string;
  expiry: string;
};

export function encodeTokenCookie(token: OAuthToken): string {
  const bytes = new TextEncoder().encode(JSON.stringify(token));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, "");
}

/** The refresh token inside a cookie value, or the value itself when Meshery sent a bare token. */
export function refreshTokenOf(value: string): string {
  if (value.startsWith("mpr_")) return value;
  try {
    const padded = value + "=".repeat((4 - (value.length % 4)) % 4);
    const parsed = JSON.parse(atob(padded.replace(/-/g, "+").replace(/_/g, "/"))) as {
      refresh_token?: unknown;
    };
    return typeof parsed.refresh_token === "string" ? parsed.refresh_token : value;
  } catch {
    return value;
  }
}

async function pack(db: Db, config: AuthConfig, userId: string, familyId: string, refreshToken: string) {
  const access = await signToken(db, config, { sub: userId, aud: "meshery", sid: familyId });
  const oauth: OAuthToken = {
    access_token: access.token,
    token_type: "Bearer",
    refresh_token: refreshToken,
    expiry: access.expiresAt.toISOString(),
  };
  return { cookie: encodeTokenCookie(oauth), oauth, familyId };
}

export async function issueMesheryToken(
  db: Db,
  config: AuthConfig,
  params: { userId: string; clientOrigin: string },
) {
  const { token, refreshToken } = await createRefreshToken(db, {
    userId: params.userId,
    clientOrigin: params.clientOrigin,
    expiresAt: new Date(Date.now() + REFRESH_DAYS * 86_400_000),
  });
  return pack(db, config, params.userId, refreshToken.familyId, token);
}

export async function refreshMesheryToken(db: Db, config: AuthConfig, presented: string) {
  const rotated = await rotateRefreshToken(db, {
    token: refreshTokenOf(presented),
    expiresAt: new Date(Date.now() + REFRESH_DAYS * 86_400_000),
  });
  if (!rotated.ok) return rotated;
  return {
    ok: true as const,
    ...(await pack(db, config, rotated.refreshToken.userId, rotated.refreshToken.familyId, rotated.token)),
  };
}

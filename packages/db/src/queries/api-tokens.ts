// API tokens: issued once in plaintext, stored as a SHA-256 hash, found by hash while neither revoked nor expired.
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import { apiTokens } from "../schema/api-tokens";
import type { Db } from "../types";
import { returnedRow } from "./transactions";

export type ApiToken = typeof apiTokens.$inferSelect;
export type ApiTokenSummary = Omit<ApiToken, "tokenHash">;

const TOKEN_PREFIX = "mp_";

const summary = {
  id: apiTokens.id,
  organizationId: apiTokens.organizationId,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
  createdAt: apiTokens.createdAt,
  updatedAt: apiTokens.updatedAt,
};

/** Hex SHA-256 of a token (Web Crypto, so the same code runs on Workers). Tokens are random: no salt needed. */
export async function hashApiToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return TOKEN_PREFIX + base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Issues a token. The plaintext is returned here and nowhere else; only its hash is stored. */
export async function createApiToken(
  db: Db,
  params: {
    organizationId: string;
    userId: string;
    name: string;
    scopes?: string[];
    expiresAt?: Date | null;
  },
): Promise<{ token: string; apiToken: ApiTokenSummary }> {
  const token = newToken();
  const rows = await db
    .insert(apiTokens)
    .values({
      ...params,
      tokenHash: await hashApiToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    })
    .returning(summary);
  return { token, apiToken: returnedRow(rows, "insert into api_tokens") };
}

/** The token with this hash if it is usable at `now`: not revoked, not expired. Authentication starts here. */
export async function findApiTokenByHash(
  db: Db,
  params: { tokenHash: string; now?: Date },
): Promise<ApiTokenSummary | undefined> {
  const now = params.now ?? new Date();
  const [row] = await db
    .select(summary)
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, params.tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row;
}

/** The token with this hash in any state, so authentication can say "revoked" or "expired" rather than "unknown". */
export async function getApiTokenByHash(
  db: Db,
  params: { tokenHash: string },
): Promise<ApiTokenSummary | undefined> {
  const [row] = await db.select(summary).from(apiTokens).where(eq(apiTokens.tokenHash, params.tokenHash));
  return row;
}

export async function markApiTokenUsed(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.organizationId, params.organizationId), eq(apiTokens.id, params.id)));
}

/** Revokes a token of the organisation (optionally only the user's own). Revoking twice keeps the first date. */
export async function revokeApiToken(
  db: Db,
  params: { organizationId: string; id: string; userId?: string },
): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiTokens.organizationId, params.organizationId),
        eq(apiTokens.id, params.id),
        params.userId ? eq(apiTokens.userId, params.userId) : undefined,
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

export function listApiTokens(
  db: Db,
  params: { organizationId: string; userId?: string },
): Promise<ApiTokenSummary[]> {
  return db
    .select(summary)
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.organizationId, params.organizationId),
        params.userId ? eq(apiTokens.userId, params.userId) : undefined,
      ),
    )
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

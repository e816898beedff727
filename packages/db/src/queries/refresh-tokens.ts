// Refresh tokens of provider sessions: issued once in plaintext, stored hashed, rotated on every refresh.
import { and, eq, isNull } from "drizzle-orm";
import { refreshTokens } from "../schema/refresh-tokens";
import type { Db } from "../types";
import { hashApiToken } from "./api-tokens";
import { returnedRow, withTransaction } from "./transactions";

export type RefreshToken = typeof refreshTokens.$inferSelect;
const PREFIX = "mpr_";

function newRefreshToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return (
    PREFIX +
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "")
  );
}

export async function createRefreshToken(
  db: Db,
  params: { userId: string; clientOrigin: string; expiresAt: Date; familyId?: string; client?: "meshery" },
): Promise<{ token: string; refreshToken: RefreshToken }> {
  const token = newRefreshToken();
  const rows = await db
    .insert(refreshTokens)
    .values({
      userId: params.userId,
      familyId: params.familyId ?? crypto.randomUUID(),
      client: params.client ?? "meshery",
      clientOrigin: params.clientOrigin,
      tokenHash: await hashApiToken(token),
      expiresAt: params.expiresAt,
    })
    .returning();
  return { token, refreshToken: returnedRow(rows, "insert into refresh_tokens") };
}

export type RotationResult =
  | { ok: true; token: string; refreshToken: RefreshToken }
  | { ok: false; reason: "unknown" | "expired" | "revoked" | "reused" };

/**
 * Exchanges a refresh token for a new one of the same family. Presenting a token that was already
 * rotated means it leaked: the whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
 */
export function rotateRefreshToken(
  db: Db,
  params: { token: string; expiresAt: Date; now?: Date },
): Promise<RotationResult> {
  const now = params.now ?? new Date();
  return withTransaction(db, async (tx) => {
    const tokenHash = await hashApiToken(params.token);
    const [current] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .for("update");
    if (!current) return { ok: false, reason: "unknown" } as const;
    if (current.revokedAt) return { ok: false, reason: "revoked" } as const;
    if (current.rotatedAt) {
      await revokeFamily(tx, current.familyId, now);
      return { ok: false, reason: "reused" } as const;
    }
    if (current.expiresAt <= now) return { ok: false, reason: "expired" } as const;
    await tx.update(refreshTokens).set({ rotatedAt: now }).where(eq(refreshTokens.id, current.id));
    return {
      ok: true,
      ...(await createRefreshToken(tx, {
        userId: current.userId,
        familyId: current.familyId,
        clientOrigin: current.clientOrigin,
        expiresAt: params.expiresAt,
      })),
    } as const;
  });
}

/** Revokes the family of a refresh token (logout). Unknown tokens are a no-op, as RFC 7009 asks. */
export async function revokeRefreshToken(db: Db, params: { token: string; now?: Date }): Promise<boolean> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, await hashApiToken(params.token)));
  if (!row) return false;
  await revokeFamily(db, row.familyId, params.now ?? new Date());
  return true;
}

export async function revokeRefreshFamily(
  db: Db,
  params: { familyId: string; userId?: string; now?: Date },
): Promise<void> {
  await revokeFamily(db, params.familyId, params.now ?? new Date(), params.userId);
}

/** Whether access tokens of this family may still be honoured: some member neither revoked nor expired. */
export async function isRefreshFamilyActive(
  db: Db,
  params: { familyId: string; now?: Date },
): Promise<boolean> {
  const now = params.now ?? new Date();
  const rows = await db
    .select({ expiresAt: refreshTokens.expiresAt })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, params.familyId), isNull(refreshTokens.revokedAt)));
  return rows.some((row) => row.expiresAt > now);
}

async function revokeFamily(db: Db, familyId: string, now: Date, userId?: string) {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(refreshTokens.familyId, familyId),
        isNull(refreshTokens.revokedAt),
        userId ? eq(refreshTokens.userId, userId) : undefined,
      ),
    );
}

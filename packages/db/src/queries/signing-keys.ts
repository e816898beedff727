// Signing keys of the API's JWTs: the newest unretired one signs, every key still within its publication window is published.
import { and, desc, gt, isNull, ne, or } from "drizzle-orm";
import { signingKeys } from "../schema/signing-keys";
import type { Db } from "../types";
import { returnedRow } from "./transactions";

export type SigningKey = typeof signingKeys.$inferSelect;
export type NewSigningKey = Pick<
  SigningKey,
  "kid" | "algorithm" | "publicJwk" | "privateKeyCiphertext" | "privateKeyNonce" | "privateKeyKeyId"
>;

export async function insertSigningKey(db: Db, key: NewSigningKey): Promise<SigningKey> {
  return returnedRow(await db.insert(signingKeys).values(key).returning(), "insert into signing_keys");
}

/** The key that signs new tokens: the newest one not retired. */
export async function getActiveSigningKey(db: Db): Promise<SigningKey | undefined> {
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid))
    .limit(1);
  return row;
}

/** Keys a verifier must know at `now`: the active ones and retired ones whose tokens may still be valid. */
export function listPublishedSigningKeys(db: Db, params: { now?: Date } = {}): Promise<SigningKey[]> {
  const now = params.now ?? new Date();
  return db
    .select()
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.publishUntil, now)))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
}

/** Retires every active key except `keepKid`; they stay published until `publishUntil`. */
export async function retireSigningKeys(
  db: Db,
  params: { keepKid: string; publishUntil: Date; now?: Date },
): Promise<number> {
  const rows = await db
    .update(signingKeys)
    .set({ retiredAt: params.now ?? new Date(), publishUntil: params.publishUntil })
    .where(and(isNull(signingKeys.retiredAt), ne(signingKeys.kid, params.keepKid)))
    .returning({ kid: signingKeys.kid });
  return rows.length;
}

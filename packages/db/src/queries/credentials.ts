// Credentials of one organisation: stored sealed by the caller (which holds the keys), listed without secrets.
import { and, asc, eq } from "drizzle-orm";
import { credentials } from "../schema/credentials";
import type { Db } from "../types";
import { returnedRow } from "./transactions";

export type Credential = typeof credentials.$inferSelect;
export type CredentialSummary = Omit<Credential, "secretCiphertext" | "secretNonce">;

const summary = {
  id: credentials.id,
  organizationId: credentials.organizationId,
  name: credentials.name,
  type: credentials.type,
  secretKeyId: credentials.secretKeyId,
  ownerId: credentials.ownerId,
  createdAt: credentials.createdAt,
  updatedAt: credentials.updatedAt,
};

export async function createCredential(
  db: Db,
  params: {
    organizationId: string;
    name: string;
    type: string;
    secretCiphertext: string;
    secretNonce: string;
    secretKeyId: string;
    ownerId?: string | null;
  },
): Promise<CredentialSummary> {
  return returnedRow(
    await db.insert(credentials).values(params).returning(summary),
    "insert into credentials",
  );
}

export function listCredentials(db: Db, params: { organizationId: string }): Promise<CredentialSummary[]> {
  return db
    .select(summary)
    .from(credentials)
    .where(eq(credentials.organizationId, params.organizationId))
    .orderBy(asc(credentials.name));
}

/** The sealed secret, for the one code path that decrypts it (applying a connection's config). */
export async function getSealedCredential(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<Credential | undefined> {
  const [row] = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.organizationId, params.organizationId), eq(credentials.id, params.id)));
  return row;
}

export async function getCredential(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<CredentialSummary | undefined> {
  const [row] = await db
    .select(summary)
    .from(credentials)
    .where(and(eq(credentials.organizationId, params.organizationId), eq(credentials.id, params.id)));
  return row;
}

export async function deleteCredential(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<boolean> {
  const removed = await db
    .delete(credentials)
    .where(and(eq(credentials.organizationId, params.organizationId), eq(credentials.id, params.id)))
    .returning({ id: credentials.id });
  return removed.length > 0;
}

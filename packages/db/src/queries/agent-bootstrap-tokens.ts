// Agent bootstrap tokens: issued once in plaintext, stored hashed, consumed exactly once before they expire.
import { and, eq, gt, isNull } from "drizzle-orm";
import { agentBootstrapTokens } from "../schema/agent-bootstrap-tokens";
import type { Db } from "../types";
import { hashApiToken } from "./api-tokens";
import { returnedRow } from "./transactions";

export type AgentBootstrapToken = typeof agentBootstrapTokens.$inferSelect;

export const AGENT_BOOTSTRAP_TOKEN_PREFIX = "mpb_";
const DEFAULT_TTL_MS = 60 * 60 * 1000;

/** A random token with a recognisable prefix, so a leaked one can be found by secret scanners. */
export function newPrefixedSecret(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return prefix + base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function createAgentBootstrapToken(
  db: Db,
  params: { organizationId: string; createdById?: string | null; name?: string | null; ttlMs?: number },
): Promise<{ token: string; bootstrapToken: Omit<AgentBootstrapToken, "tokenHash"> }> {
  const token = newPrefixedSecret(AGENT_BOOTSTRAP_TOKEN_PREFIX);
  const rows = await db
    .insert(agentBootstrapTokens)
    .values({
      organizationId: params.organizationId,
      createdById: params.createdById ?? null,
      name: params.name ?? null,
      tokenHash: await hashApiToken(token),
      expiresAt: new Date(Date.now() + (params.ttlMs ?? DEFAULT_TTL_MS)),
    })
    .returning();
  const { tokenHash: _hash, ...bootstrapToken } = returnedRow(rows, "insert into agent_bootstrap_tokens");
  return { token, bootstrapToken };
}

export type BootstrapRefusal = "unknown" | "used" | "expired";

/**
 * Marks the token used if it is unused and unexpired. The check and the write are one UPDATE, so two
 * agents racing with the same token cannot both succeed. Run it in the registration's transaction.
 */
export async function consumeAgentBootstrapToken(
  db: Db,
  params: { token: string },
): Promise<{ ok: true; bootstrapToken: AgentBootstrapToken } | { ok: false; reason: BootstrapRefusal }> {
  const tokenHash = await hashApiToken(params.token);
  const now = new Date();
  const [used] = await db
    .update(agentBootstrapTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(agentBootstrapTokens.tokenHash, tokenHash),
        isNull(agentBootstrapTokens.usedAt),
        gt(agentBootstrapTokens.expiresAt, now),
      ),
    )
    .returning();
  if (used) return { ok: true, bootstrapToken: used };
  const [row] = await db
    .select({ usedAt: agentBootstrapTokens.usedAt })
    .from(agentBootstrapTokens)
    .where(eq(agentBootstrapTokens.tokenHash, tokenHash));
  if (!row) return { ok: false, reason: "unknown" };
  return { ok: false, reason: row.usedAt ? "used" : "expired" };
}

/** Records which agent a consumed token created, for the audit trail of an install. */
export async function linkAgentBootstrapToken(
  db: Db,
  params: { id: string; agentId: string },
): Promise<void> {
  await db
    .update(agentBootstrapTokens)
    .set({ agentId: params.agentId })
    .where(eq(agentBootstrapTokens.id, params.id));
}

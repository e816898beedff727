// Owns the agent's credential over time: register with the bootstrap token once, then rotate before expiry.
import { backoffDelay, sleep } from "./backoff";
import type { CredentialStore } from "./credential-store";
import type { Logger } from "./log";
import {
  type AgentCredential,
  type ClusterFacts,
  MeshplaneApiError,
  type MeshplaneClient,
} from "./meshplane-client";

// Rotate with a quarter of a 30-day lifetime left (OCM and argocd-agent rotate around there too).
export const ROTATE_BEFORE_EXPIRY_MS = 7.5 * 24 * 3_600_000;

export interface CredentialDeps {
  client: MeshplaneClient;
  store: CredentialStore;
  log: Logger;
  bootstrapToken: string | undefined;
  clusterFacts: () => Promise<ClusterFacts>;
}

/**
 * The stored credential, or a new one from registering. Retries until it has one or `signal` aborts;
 * a refused bootstrap token is retried slowly, since only an operator can fix it.
 */
export async function ensureCredential(
  deps: CredentialDeps,
  signal: AbortSignal,
): Promise<AgentCredential | undefined> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const stored = await deps.store.load();
      if (stored) {
        deps.client.useCredential(stored.credential);
        return stored;
      }
      if (!deps.bootstrapToken) {
        deps.log.error(
          "no stored credential and no MESHPLANE_BOOTSTRAP_TOKEN; install the agent with a new token",
        );
      } else {
        const issued = await deps.client.register(deps.bootstrapToken, await deps.clusterFacts());
        // Saved before use: losing it after the token is spent would strand the agent until a reinstall.
        await deps.store.save(issued);
        deps.client.useCredential(issued.credential);
        deps.log.info("registered with Meshplane", {
          agentId: issued.agentId,
          connectionId: issued.connectionId,
        });
        return issued;
      }
    } catch (error) {
      const refused = error instanceof MeshplaneApiError && !error.retryable;
      deps.log.error(refused ? "registration refused" : "registration failed, will retry", { err: error });
      if (refused) attempt = Math.max(attempt, 8);
    }
    await sleep(backoffDelay(attempt, { baseMs: 1_000, capMs: 300_000 }), signal);
  }
  return undefined;
}

/** Rotates when little of the credential's life is left; the old one stays valid server-side briefly. */
export async function rotateIfDue(
  deps: CredentialDeps,
  current: AgentCredential,
  now = Date.now(),
): Promise<AgentCredential> {
  if (Date.parse(current.credentialExpiresAt) - now > ROTATE_BEFORE_EXPIRY_MS) return current;
  const rotated = await deps.client.rotateCredential();
  const next: AgentCredential = {
    agentId: rotated.agentId,
    organizationId: rotated.organizationId,
    connectionId: rotated.connectionId,
    credential: rotated.credential,
    credentialExpiresAt: rotated.credentialExpiresAt,
  };
  await deps.store.save(next);
  deps.client.useCredential(next.credential);
  deps.log.info("rotated the agent credential", { expiresAt: next.credentialExpiresAt });
  return next;
}

// Owns the agent's heartbeats, which keep its connection "connected" in Meshplane.
import { backoffDelay, sleep } from "./backoff";
import type { Logger } from "./log";
import type { MeshplaneClient } from "./meshplane-client";

export async function sendHeartbeats(
  client: MeshplaneClient,
  body: () => Promise<{ agentVersion: string; nodeCount?: number; kubernetesVersion?: string }>,
  log: Logger,
  signal: AbortSignal,
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    let nextMs: number;
    try {
      const answer = await client.heartbeat(await body());
      failures = 0;
      // Up to 10% early, so heartbeats of agents started together spread out.
      nextMs = answer.nextHeartbeatSeconds * 1000 * (0.9 + Math.random() * 0.1);
    } catch (error) {
      if (signal.aborted) return;
      log.warn("heartbeat failed, will retry", { err: error });
      nextMs = backoffDelay(failures++, { baseMs: 1_000, capMs: 30_000 });
    }
    await sleep(nextMs, signal);
  }
}

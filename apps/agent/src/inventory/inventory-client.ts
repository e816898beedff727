// Owns sending inventory batches to Meshplane with the agent's credential, re-read when it was rotated.
import { MeshplaneApiError } from "../meshplane-client";
import type { Transport } from "../meshplane-transport";
import type { InventorySender } from "./delta-queue";
import type { InventoryDelta } from "./deltas";

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * `credential(true)` must re-read the stored credential: the channel rotates it, and the one in hand
 * stops working after the rotation's grace period. Undefined means the agent has not registered yet.
 */
export function createInventoryClient(
  baseUrl: string,
  transport: Transport,
  credential: (reload: boolean) => Promise<string | undefined>,
): InventorySender {
  let reload = false;
  return {
    async send(deltas: InventoryDelta[], signal?: AbortSignal) {
      const token = await credential(reload);
      reload = false;
      if (!token) throw new MeshplaneApiError(0, "NOT_REGISTERED", "the agent has not registered yet");
      let response: Awaited<ReturnType<Transport["request"]>>;
      try {
        response = await transport.request(new URL("/api/agents/inventory", baseUrl), {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          body: { deltas },
          timeoutMs: REQUEST_TIMEOUT_MS,
          ...(signal ? { signal } : {}),
        });
      } catch (error) {
        throw new MeshplaneApiError(0, "UNREACHABLE", error instanceof Error ? error.message : String(error));
      }
      if (response.status === 200) {
        const missing = (response.body as { missing?: unknown } | undefined)?.missing;
        return {
          missing: Array.isArray(missing) ? missing.filter((m): m is string => typeof m === "string") : [],
        };
      }
      if (response.status === 401) reload = true;
      const envelope = response.body as { error?: { code?: string; message?: string } } | undefined;
      throw new MeshplaneApiError(
        response.status,
        envelope?.error?.code ?? "HTTP_ERROR",
        envelope?.error?.message ?? `HTTP ${response.status}`,
      );
    },
  };
}

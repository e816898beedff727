// Owns starting the inventory inside the agent: cluster access, the stored credential, the API transport.
import { backoffDelay, sleep } from "../backoff";
import { type CredentialStore, fileCredentialStore, secretCredentialStore } from "../credential-store";
import type { AgentConfig } from "../env";
import { createKubeApi, type KubeApi, loadKubeConfig } from "../kube-api";
import type { Logger } from "../log";
import { createTransport } from "../meshplane-transport";
import { createInventoryClient } from "./inventory-client";
import type { InventorySettings } from "./inventory-env";
import {
  createInventory,
  DEFAULT_INVENTORY_OPTIONS,
  type Inventory,
  type InventoryOptions,
} from "./inventory-loop";
import { createWatchOpener } from "./kube-watch";

export interface InventoryStartDeps {
  config: AgentConfig;
  log: Logger;
  settings: InventorySettings;
  /** Resolves once the channel holds a credential (registered or loaded). */
  registered: Promise<void>;
  kube?: KubeApi;
  /** Tests shorten timings. */
  tuning?: Partial<InventoryOptions>;
  onStarted?: (inventory: Inventory) => void;
}

function cachedCredential(store: CredentialStore) {
  let token: string | undefined;
  return async (reload: boolean) => {
    if (!token || reload) token = (await store.load())?.credential;
    return token;
  };
}

/** Runs until `signal` aborts; a cluster that cannot be reached yet is retried, never thrown. */
export async function runInventory(deps: InventoryStartDeps, signal: AbortSignal): Promise<void> {
  const { config, log } = deps;
  await Promise.race([deps.registered, new Promise((resolve) => signal.addEventListener("abort", resolve))]);
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      const kubeConfig = loadKubeConfig(config.kubeconfig);
      const kube = deps.kube ?? createKubeApi(kubeConfig);
      const store =
        config.credentialStore === "file"
          ? fileCredentialStore(config.stateDir)
          : secretCredentialStore(kube, config.namespace);
      const transport = createTransport({
        caFile: config.caFile,
        extraCaFile: config.extraCaFile,
        httpsProxy: config.httpsProxy,
        httpProxy: config.httpProxy,
        noProxy: config.noProxy,
      });
      const inventory = createInventory({
        kube,
        openWatch: createWatchOpener(kubeConfig),
        sender: createInventoryClient(config.meshplaneUrl, transport, cachedCredential(store)),
        log,
        options: {
          ...DEFAULT_INVENTORY_OPTIONS,
          exclude: deps.settings.exclude,
          include: deps.settings.include,
          resyncMs: deps.settings.resyncMs,
          pageSize: deps.settings.pageSize,
          ...deps.tuning,
        },
      });
      deps.onStarted?.(inventory);
      await inventory.run(signal);
      return;
    } catch (error) {
      log.error("cannot start the inventory, will retry", { err: error });
      await sleep(backoffDelay(attempt, { baseMs: 1_000, capMs: 60_000 }), signal);
    }
  }
}

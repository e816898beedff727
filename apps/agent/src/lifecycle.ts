// Owns the agent lifecycle: start the health server, track in-flight work, drain and stop on request.
import { type ChannelDeps, type ChannelState, runChannel } from "./channel";
import type { AgentConfig } from "./env";
import { type AgentState, createHealthServer } from "./health";
import type { InventorySettings } from "./inventory/inventory-env";
import { type InventoryStartDeps, runInventory } from "./inventory/start";
import type { Logger } from "./log";
import { AGENT_VERSION } from "./version";

export interface Agent {
  readonly state: AgentState;
  /** Port the health server actually bound (differs from the config when it asked for 0). */
  readonly healthPort: number;
  /** Registers in-flight work so stop() waits for it; returns false once the agent no longer takes work. */
  track(work: Promise<unknown>): boolean;
  /** Idempotent: every call returns the same drain. */
  stop(): Promise<{ drained: boolean }>;
}

export interface AgentDeps {
  log: Logger;
  version?: string;
  /** Injected by tests: a Kubernetes API, job handlers. */
  kube?: ChannelDeps["kube"];
  handlers?: ChannelDeps["handlers"];
  /** The cluster inventory; off unless given (index.ts passes the settings read from the environment). */
  inventory?: InventorySettings & Pick<InventoryStartDeps, "tuning" | "onStarted">;
}

export async function startAgent(
  config: AgentConfig,
  { log, version = AGENT_VERSION, kube, handlers, inventory }: AgentDeps,
): Promise<Agent> {
  let state: AgentState = "starting";
  let channelState: ChannelState = "starting";
  const inFlight = new Set<Promise<unknown>>();
  const health = createHealthServer({
    version,
    startedAt: Date.now(),
    state: () => state,
    channel: () => channelState,
  });

  const address = await health.listen(config.healthPort, config.healthHost);
  log.info("health server listening", { host: address.address, port: address.port });

  state = "running";
  // Origin only: a URL may carry user:password, which must not reach the logs.
  log.info("agent running", { version, meshplane: new URL(config.meshplaneUrl).origin });

  // Aborted first on stop: no new polls or heartbeats; the job in hand finishes within the drain timeout.
  const stopChannel = new AbortController();
  let markRegistered: () => void = () => {};
  const registered = new Promise<void>((resolve) => {
    markRegistered = resolve;
  });
  const channel = runChannel(
    {
      config,
      log,
      version,
      ...(kube ? { kube } : {}),
      ...(handlers ? { handlers } : {}),
      onState: (next) => {
        channelState = next;
        if (next === "connected") markRegistered();
      },
    },
    stopChannel.signal,
  ).catch((error: unknown) => log.error("the channel to Meshplane stopped unexpectedly", { err: error }));
  inFlight.add(channel);
  if (inventory?.enabled) {
    const { tuning, onStarted, ...settings } = inventory;
    const running = runInventory(
      {
        config,
        log,
        settings,
        registered,
        ...(kube ? { kube } : {}),
        ...(tuning ? { tuning } : {}),
        ...(onStarted ? { onStarted } : {}),
      },
      stopChannel.signal,
    ).catch((error: unknown) => log.error("the inventory stopped unexpectedly", { err: error }));
    inFlight.add(running);
  }

  let stopping: Promise<{ drained: boolean }> | undefined;

  async function drain(): Promise<{ drained: boolean }> {
    state = "draining";
    stopChannel.abort();
    log.info("draining", { inFlight: inFlight.size, timeoutMs: config.shutdownTimeoutMs });

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), config.shutdownTimeoutMs);
    });
    const settled = Promise.allSettled([...inFlight]).then(() => true as const);
    const drained = await Promise.race([settled, timedOut]);
    clearTimeout(timer);

    if (!drained) log.warn("shutdown timeout reached with work still in flight", { inFlight: inFlight.size });
    await health.close();
    state = "stopped";
    log.info("agent stopped", { drained });
    return { drained };
  }

  return {
    get state() {
      return state;
    },
    healthPort: address.port,
    track(work) {
      if (state !== "running") {
        log.warn("refused new work: agent is not running", { state });
        return false;
      }
      inFlight.add(work);
      // Failures belong to whoever started the work; here we only need to know when it is over.
      const forget = () => inFlight.delete(work);
      work.then(forget, forget);
      return true;
    },
    stop() {
      stopping ??= drain();
      return stopping;
    },
  };
}

// Owns the agent's side of the channel to Meshplane: credential, job polling, result reporting, heartbeats.
import { backoffDelay, sleep } from "./backoff";
import { readClusterFacts } from "./cluster-facts";
import { ensureCredential, rotateIfDue } from "./credential-lifecycle";
import { type CredentialStore, fileCredentialStore, secretCredentialStore } from "./credential-store";
import type { AgentConfig } from "./env";
import { sendHeartbeats } from "./heartbeat-loop";
import { openJobJournal } from "./job-journal";
import { type JobHandler, pollJobs } from "./job-loop";
import { createJobHandlers } from "./jobs/handlers";
import { createKubeApi, type KubeApi, loadKubeConfig } from "./kube-api";
import type { Logger } from "./log";
import { createMeshplaneClient } from "./meshplane-client";
import { createTransport } from "./meshplane-transport";
import { createResultReporter } from "./result-reporter";

export type ChannelState = "starting" | "registering" | "connected" | "stopped";

export interface ChannelDeps {
  config: AgentConfig;
  log: Logger;
  version: string;
  /** Injected by tests; otherwise built from KUBECONFIG or the in-cluster ServiceAccount. */
  kube?: KubeApi;
  handlers?: Record<string, JobHandler>;
  onState?: (state: ChannelState) => void;
}

async function connectToCluster(deps: ChannelDeps, signal: AbortSignal): Promise<KubeApi | undefined> {
  if (deps.kube) return deps.kube;
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      return createKubeApi(loadKubeConfig(deps.config.kubeconfig));
    } catch (error) {
      deps.log.error("cannot load the Kubernetes configuration, will retry", { err: error });
      await sleep(backoffDelay(attempt, { baseMs: 1_000, capMs: 60_000 }), signal);
    }
  }
  return undefined;
}

/** Runs until `signal` aborts; every failure inside is logged and retried, never thrown. */
export async function runChannel(deps: ChannelDeps, signal: AbortSignal): Promise<void> {
  const { config, log } = deps;
  deps.onState?.("starting");
  const kube = await connectToCluster(deps, signal);
  if (!kube) return;
  const journal = await openJobJournal(config.stateDir);
  const store: CredentialStore =
    config.credentialStore === "file"
      ? fileCredentialStore(config.stateDir)
      : secretCredentialStore(kube, config.namespace);
  const client = createMeshplaneClient(
    config.meshplaneUrl,
    createTransport({
      caFile: config.caFile,
      extraCaFile: config.extraCaFile,
      httpsProxy: config.httpsProxy,
      httpProxy: config.httpProxy,
      noProxy: config.noProxy,
    }),
  );
  const credentialDeps = {
    client,
    store,
    log,
    bootstrapToken: config.bootstrapToken,
    clusterFacts: async () => ({ ...(await readClusterFacts(kube)), agentVersion: deps.version }),
  };

  deps.onState?.("registering");
  let credential = await ensureCredential(credentialDeps, signal);
  if (!credential) return;
  deps.onState?.("connected");

  const reporter = createResultReporter(client, journal, log);
  await Promise.all([
    reporter.run(signal),
    pollJobs(
      {
        client,
        journal,
        log,
        handlers: deps.handlers ?? createJobHandlers(kube, log, config.namespace, client),
        onOutcome: () => reporter.wake(),
        beforePoll: async () => {
          if (credential) credential = await rotateIfDue(credentialDeps, credential);
        },
      },
      signal,
    ),
    sendHeartbeats(client, async () => ({ agentVersion: deps.version }), log, signal),
  ]);
  deps.onState?.("stopped");
}

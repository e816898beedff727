// Owns the table of job kinds this agent runs: one handler per kind.
import type { JobHandler } from "../job-loop";
import type { KubeApi } from "../kube-api";
import type { Logger } from "../log";
import type { MeshplaneClient } from "../meshplane-client";
import { deployHandler } from "./deploy";
import { dryRunHandler } from "./dry-run";
import { loadTestHandler } from "./load-test";
import { undeployHandler } from "./undeploy";

export function createJobHandlers(
  kube: KubeApi,
  log: Logger,
  agentNamespace: string,
  client?: Pick<MeshplaneClient, "reportProgress">,
): Record<string, JobHandler> {
  return {
    deploy: deployHandler(kube, log, agentNamespace),
    undeploy: undeployHandler(kube, log, agentNamespace),
    dryRun: dryRunHandler(kube, log),
    loadTest: loadTestHandler(log, client),
  };
}

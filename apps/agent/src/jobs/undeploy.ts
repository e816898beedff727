// Owns the "undeploy" job: delete what a design's inventory lists, in reverse order, then the inventory.
import { createDiscovery } from "../apply/discovery";
import { createInventoryStore, deleteOwnedObject } from "../apply/inventory";
import { type ObjectResult, summarizeFailures } from "../apply/object-result";
import type { JobHandler } from "../job-loop";
import type { KubeApi } from "../kube-api";
import type { Logger } from "../log";
import { parseUndeploy } from "./payload";

const CONTAINERS = new Set(["Namespace", "CustomResourceDefinition"]);

export function undeployHandler(kube: KubeApi, log: Logger, agentNamespace: string): JobHandler {
  return async (payload) => {
    const job = parseUndeploy(payload);
    const discovery = createDiscovery(kube);
    const inventory = createInventoryStore(kube, agentNamespace);
    const listed = (await inventory.read(job.designId)) ?? [];
    const results: ObjectResult[] = [];
    for (const ref of [...listed].reverse()) {
      if (CONTAINERS.has(ref.kind) && !job.deleteNamespacesAndCrds) {
        results.push({ ...ref, action: "kept" });
        continue;
      }
      results.push(await deleteOwnedObject(kube, discovery, ref, job.designId, "deleted"));
    }
    const error = summarizeFailures(results);
    // Kept while anything failed, so undeploying again finds what is left.
    if (!error) await inventory.remove(job.designId);
    log.info("design undeployed", { designId: job.designId, objects: results.length, failed: !!error });
    return {
      status: error ? "failed" : "succeeded",
      result: { designId: job.designId, objects: results },
      error,
    };
  };
}

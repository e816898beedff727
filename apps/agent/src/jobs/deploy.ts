// Owns the "deploy" job: apply a design's objects, record them in its inventory, prune what it dropped.
import { createDiscovery } from "../apply/discovery";
import { createInventoryStore, deleteOwnedObject } from "../apply/inventory";
import { waitForHealth } from "../apply/object-health";
import { type ObjectResult, summarizeFailures } from "../apply/object-result";
import { applyOrder, keyOf, type ObjectRef, prepareForApply } from "../apply/objects";
import { applyObjects } from "../apply/server-side-apply";
import type { JobHandler } from "../job-loop";
import type { KubeApi } from "../kube-api";
import type { Logger } from "../log";
import { parseDesignObjects } from "./payload";

const refOfResult = ({ apiVersion, kind, namespace, name, uid }: ObjectResult): ObjectRef => ({
  apiVersion,
  kind,
  ...(namespace ? { namespace } : {}),
  name,
  ...(uid ? { uid } : {}),
});

export function deployHandler(kube: KubeApi, log: Logger, agentNamespace: string): JobHandler {
  return async (payload, signal) => {
    const job = parseDesignObjects(payload);
    const discovery = createDiscovery(kube);
    const inventory = createInventoryStore(kube, agentNamespace);
    const design = { id: job.designId, version: job.designVersion };
    const previous = (await inventory.read(job.designId)) ?? [];

    const ordered = applyOrder(job.objects.map((object) => prepareForApply(object, design)));
    const applied = (
      await applyObjects(kube, discovery, ordered, { dryRun: false, force: job.force, signal })
    ).map((entry) => entry.result);
    const succeeded = applied.filter((result) => result.action !== "failed").map(refOfResult);
    const keep = new Set(succeeded.map(keyOf));

    const pruned: ObjectResult[] = [];
    if (succeeded.length === applied.length) {
      // Reverse order: dependents go before what they live in.
      for (const ref of [...previous].reverse()) {
        if (!keep.has(keyOf(ref)))
          pruned.push(await deleteOwnedObject(kube, discovery, ref, job.designId, "pruned"));
      }
      await inventory.write(job.designId, succeeded);
    } else {
      // A partial apply prunes nothing, and the inventory keeps the old entries so a later deploy still can.
      const carried = previous.filter((ref) => !keep.has(keyOf(ref)));
      await inventory.write(job.designId, [...carried, ...succeeded]);
    }

    if (job.healthTimeoutSeconds > 0 && succeeded.length === applied.length) {
      const health = await waitForHealth(kube, discovery, succeeded, {
        timeoutMs: job.healthTimeoutSeconds * 1000,
        signal,
      });
      for (const [index, ref] of succeeded.entries()) {
        const result = applied[index];
        const state = health.get(ref);
        if (!result || !state) continue;
        result.health = state;
        if (state === "healthy") continue;
        const message =
          state === "failed"
            ? "the object reports a failure"
            : `not healthy within ${job.healthTimeoutSeconds} s`;
        // Applied all the same: the action stays, and the error says what is wrong with it now.
        const reason = state === "failed" ? "Unhealthy" : "HealthTimeout";
        result.error = { status: 0, reason, message, causes: [] };
      }
    }

    const results = [...applied, ...pruned];
    const error = summarizeFailures(results);
    log.info("design deployed", {
      designId: job.designId,
      applied: succeeded.length,
      pruned: pruned.length,
      failed: !!error,
    });
    return {
      status: error ? "failed" : "succeeded",
      result: { designId: job.designId, objects: results },
      error,
    };
  };
}

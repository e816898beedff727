// Owns the "dryRun" job: apply with dryRun=All and report, per object, what would change and why not.
import { createDiscovery, objectPath } from "../apply/discovery";
import { diffObjects } from "../apply/object-diff";
import { type ObjectResult, summarizeFailures } from "../apply/object-result";
import { applyOrder, prepareForApply, refOf } from "../apply/objects";
import { applyOne, resolveObject } from "../apply/server-side-apply";
import type { JobHandler } from "../job-loop";
import type { KubeApi } from "../kube-api";
import type { Logger } from "../log";
import { parseDesignObjects } from "./payload";

export function dryRunHandler(kube: KubeApi, log: Logger): JobHandler {
  return async (payload) => {
    const job = parseDesignObjects(payload);
    const discovery = createDiscovery(kube);
    const design = { id: job.designId, version: job.designVersion };
    const results: ObjectResult[] = [];
    for (const object of applyOrder(job.objects.map((o) => prepareForApply(o, design)))) {
      const resolved = await resolveObject(discovery, object);
      if ("failure" in resolved) {
        results.push(resolved.failure);
        continue;
      }
      const live = await kube.request("GET", objectPath(resolved.info, refOf(resolved.object)));
      const outcome = await applyOne(kube, resolved.info, resolved.object, {
        dryRun: true,
        force: job.force,
      });
      if (outcome.result.action === "failed") {
        results.push(outcome.result);
        continue;
      }
      const changes = live.status === 200 ? diffObjects(live.body, outcome.answer) : [];
      const action = live.status !== 200 ? "wouldCreate" : changes.length ? "wouldConfigure" : "unchanged";
      results.push({ ...outcome.result, action, ...(live.status === 200 ? { changes } : {}) });
    }
    const error = summarizeFailures(results);
    log.info("design dry run", { designId: job.designId, objects: results.length, failed: !!error });
    return {
      status: error ? "failed" : "succeeded",
      result: { designId: job.designId, objects: results },
      error,
    };
  };
}

// Owns health after apply: kstatus-like rules (Deployment available, Job complete...) polled until a deadline.
import { sleep } from "../backoff";
import type { KubeApi, KubeBody } from "../kube-api";
import { type Discovery, objectPath } from "./discovery";
import type { ObjectRef } from "./objects";

export type Health = "healthy" | "progressing" | "failed";

const replicasOf = (object: KubeBody) =>
  typeof object.spec?.replicas === "number" ? object.spec.replicas : 1;
const observedCurrent = (object: KubeBody) =>
  (object.status?.observedGeneration ?? 0) >= (object.metadata?.generation ?? 0);
const condition = (object: KubeBody, type: string) =>
  ((object.status?.conditions ?? []) as { type?: string; status?: string }[]).some(
    (c) => c.type === type && c.status === "True",
  );

/** Kinds without a rule are healthy once applied: the API server accepting them is all there is to wait for. */
export function healthOf(object: KubeBody): Health {
  switch (object.kind) {
    case "Deployment":
      if (condition(object, "ReplicaFailure")) return "failed";
      return observedCurrent(object) &&
        (object.status?.updatedReplicas ?? 0) >= replicasOf(object) &&
        (object.status?.availableReplicas ?? 0) >= replicasOf(object)
        ? "healthy"
        : "progressing";
    case "StatefulSet":
      return observedCurrent(object) && (object.status?.readyReplicas ?? 0) >= replicasOf(object)
        ? "healthy"
        : "progressing";
    case "DaemonSet":
      return observedCurrent(object) &&
        (object.status?.numberAvailable ?? 0) >= (object.status?.desiredNumberScheduled ?? 1)
        ? "healthy"
        : "progressing";
    case "Job":
      if (condition(object, "Failed")) return "failed";
      return condition(object, "Complete") ? "healthy" : "progressing";
    case "PersistentVolumeClaim":
      return object.status?.phase === "Bound" ? "healthy" : "progressing";
    default:
      return "healthy";
  }
}

/**
 * Polls each object until it is healthy or failed, or the deadline passes. Returns the last health seen
 * per object key (kind/namespace/name), "progressing" meaning the timeout ran out first.
 */
export async function waitForHealth(
  kube: KubeApi,
  discovery: Discovery,
  refs: ObjectRef[],
  options: { timeoutMs: number; pollMs?: number; signal?: AbortSignal },
): Promise<Map<ObjectRef, Health>> {
  const health = new Map<ObjectRef, Health>(refs.map((ref) => [ref, "progressing"]));
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    for (const [ref, last] of health) {
      if (last !== "progressing") continue;
      const info = await discovery.resolve(ref.apiVersion, ref.kind);
      if (!info) continue;
      const live = await kube.request("GET", objectPath(info, ref));
      if (live.status === 200) health.set(ref, healthOf(live.body));
    }
    const waiting = [...health.values()].includes("progressing");
    if (!waiting || Date.now() >= deadline || options.signal?.aborted) return health;
    await sleep(Math.min(options.pollMs ?? 1_000, Math.max(0, deadline - Date.now())), options.signal);
  }
}

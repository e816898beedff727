// Owns applying objects with server-side apply: ordering, discovery, waiting for CRDs, per-object outcomes.
import { sleep } from "../backoff";
import type { KubeApi, KubeBody } from "../kube-api";
import { type Discovery, objectPath, type ResourceInfo } from "./discovery";
import { failedResult, failureOf, type ObjectResult } from "./object-result";
import { FIELD_MANAGER, type KubeObject, refOf } from "./objects";

export interface ApplyOptions {
  dryRun: boolean;
  force: boolean;
  crdTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface AppliedObject {
  result: ObjectResult;
  /** The object as the API server answered the apply (the would-be object on a dry run). */
  answer?: KubeBody;
}

export async function resolveObject(
  discovery: Discovery,
  object: KubeObject,
): Promise<{ info: ResourceInfo; object: KubeObject } | { failure: ObjectResult }> {
  const info = await discovery.resolve(object.apiVersion, object.kind);
  if (!info) {
    const message = `the cluster serves no ${object.kind} in ${object.apiVersion}`;
    return {
      failure: failedResult(refOf(object), { status: 404, reason: "UnknownKind", message, causes: [] }),
    };
  }
  // A namespaced object without a namespace lands in "default", and the inventory must say so.
  const namespace = info.namespaced ? (object.metadata.namespace ?? "default") : undefined;
  const { namespace: _dropped, ...metadata } = object.metadata;
  return { info, object: { ...object, metadata: { ...metadata, ...(namespace ? { namespace } : {}) } } };
}

export async function applyOne(
  kube: KubeApi,
  info: ResourceInfo,
  object: KubeObject,
  options: ApplyOptions,
): Promise<AppliedObject> {
  const response = await kube.request("PATCH", objectPath(info, refOf(object)), {
    query: {
      fieldManager: FIELD_MANAGER,
      force: options.force,
      dryRun: options.dryRun ? "All" : undefined,
      fieldValidation: "Strict",
    },
    body: object,
    contentType: "application/apply-patch+yaml",
  });
  if (response.status !== 200 && response.status !== 201)
    return { result: failedResult(refOf(object), failureOf(response)) };
  const uid = typeof response.body?.metadata?.uid === "string" ? response.body.metadata.uid : undefined;
  const created = response.status === 201;
  const action = options.dryRun
    ? created
      ? "wouldCreate"
      : "wouldConfigure"
    : created
      ? "created"
      : "configured";
  return { result: { ...refOf(object, uid), action }, answer: response.body };
}

/** Waits until the CRD reports Established, so objects of its kind can be applied right after. */
export async function waitForEstablished(
  kube: KubeApi,
  info: ResourceInfo,
  name: string,
  options: ApplyOptions,
): Promise<string | undefined> {
  const deadline = Date.now() + (options.crdTimeoutMs ?? 60_000);
  while (Date.now() < deadline && !options.signal?.aborted) {
    const response = await kube.request("GET", objectPath(info, { name }));
    const conditions = (response.body?.status?.conditions ?? []) as { type?: string; status?: string }[];
    if (conditions.some((condition) => condition.type === "Established" && condition.status === "True"))
      return undefined;
    await sleep(250, options.signal);
  }
  return `CustomResourceDefinition ${name} was not Established within ${options.crdTimeoutMs ?? 60_000} ms`;
}

/**
 * Applies in order: CRDs and Namespaces first, each CRD waited on until Established (and its group
 * rediscovered), then the rest. Every object gets a result; a failure never stops the others silently.
 */
export async function applyObjects(
  kube: KubeApi,
  discovery: Discovery,
  ordered: KubeObject[],
  options: ApplyOptions,
): Promise<AppliedObject[]> {
  const applied: AppliedObject[] = [];
  for (const original of ordered) {
    const resolved = await resolveObject(discovery, original);
    if ("failure" in resolved) {
      applied.push({ result: resolved.failure });
      continue;
    }
    const outcome = await applyOne(kube, resolved.info, resolved.object, options);
    if (
      !options.dryRun &&
      original.kind === "CustomResourceDefinition" &&
      outcome.result.action !== "failed"
    ) {
      const problem = await waitForEstablished(kube, resolved.info, original.metadata.name, options);
      if (problem)
        outcome.result = failedResult(outcome.result, {
          status: 504,
          reason: "NotEstablished",
          message: problem,
          causes: [],
        });
      const spec = original.spec as { group?: string; versions?: { name: string }[] } | undefined;
      for (const version of spec?.versions ?? []) discovery.forget(`${spec?.group}/${version.name}`);
    }
    applied.push(outcome);
  }
  return applied;
}

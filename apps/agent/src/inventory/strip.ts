// Owns what of a Kubernetes object may leave the cluster: no managedFields, no last-applied copy, Secret keys only.
import type { KubeBody } from "../kube-api";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

export interface ResourceIdentity {
  apiVersion: string;
  kind: string;
}

/**
 * A copy fit to send. List items lack apiVersion and kind, so they come from the resource. A Secret keeps
 * the names of its keys (`dataKeys`) and nothing of their values; the last-applied annotation goes too,
 * since for a Secret applied with kubectl it holds the values in clear.
 */
export function stripObject(object: KubeBody, resource: ResourceIdentity): Record<string, unknown> {
  const { managedFields: _managedFields, annotations, ...metadata } = object.metadata ?? {};
  if (annotations && typeof annotations === "object") {
    const { [LAST_APPLIED]: _lastApplied, ...kept } = annotations as Record<string, unknown>;
    if (Object.keys(kept).length > 0) metadata.annotations = kept;
  }
  const stripped: Record<string, unknown> = {
    ...object,
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    metadata,
  };
  if (resource.kind === "Secret" && resource.apiVersion === "v1") {
    const keys = new Set([...Object.keys(object.data ?? {}), ...Object.keys(object.stringData ?? {})]);
    delete stripped.data;
    delete stripped.stringData;
    stripped.dataKeys = [...keys].sort();
  }
  return stripped;
}

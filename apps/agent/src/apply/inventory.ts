// Owns the in-cluster inventory of what a design applied (a ConfigMap per design), and deleting what it lists.
import { type KubeApi, statusMessage } from "../kube-api";
import { type Discovery, objectPath } from "./discovery";
import { failedResult, failureOf, type ObjectResult } from "./object-result";
import { DESIGN_ID_LABEL, MANAGED_BY, MANAGED_BY_LABEL, type ObjectRef } from "./objects";

export interface InventoryStore {
  read(designId: string): Promise<ObjectRef[] | undefined>;
  write(designId: string, objects: ObjectRef[]): Promise<void>;
  remove(designId: string): Promise<void>;
}

// Design ids are free text to the agent; the ConfigMap name must be a DNS label, so it is derived.
export function inventoryName(designId: string): string {
  const slug = designId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 200);
  return `meshplane-design-${slug || "unnamed"}`;
}

export function createInventoryStore(kube: KubeApi, namespace: string): InventoryStore {
  const path = (designId: string) =>
    `/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps/${inventoryName(designId)}`;
  return {
    async read(designId) {
      const response = await kube.request("GET", path(designId));
      if (response.status === 404) return undefined;
      if (response.status !== 200)
        throw new Error(`cannot read the inventory of ${designId}: ${statusMessage(response)}`);
      return JSON.parse(response.body.data?.objects ?? "[]") as ObjectRef[];
    },
    async write(designId, objects) {
      const configMap = {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: inventoryName(designId),
          namespace,
          labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
          annotations: { [DESIGN_ID_LABEL]: designId },
        },
        data: { objects: JSON.stringify(objects) },
      };
      const response = await kube.request("PATCH", path(designId), {
        query: { fieldManager: "meshplane-agent", force: true },
        body: configMap,
        contentType: "application/apply-patch+yaml",
      });
      if (response.status !== 200 && response.status !== 201) {
        throw new Error(`cannot write the inventory of ${designId}: ${statusMessage(response)}`);
      }
    },
    async remove(designId) {
      const response = await kube.request("DELETE", path(designId));
      if (response.status !== 200 && response.status !== 202 && response.status !== 404) {
        throw new Error(`cannot remove the inventory of ${designId}: ${statusMessage(response)}`);
      }
    },
  };
}

/**
 * Deletes an object the design applied, only if it still carries this design's label and, when known, the
 * same UID: an object recreated by someone else under the same name is theirs, not ours to delete.
 */
export async function deleteOwnedObject(
  kube: KubeApi,
  discovery: Discovery,
  ref: ObjectRef,
  designId: string,
  action: "pruned" | "deleted",
): Promise<ObjectResult> {
  const info = await discovery.resolve(ref.apiVersion, ref.kind);
  if (!info) return { ...ref, action: "absent" };
  const path = objectPath(info, ref);
  const live = await kube.request("GET", path);
  if (live.status === 404) return { ...ref, action: "absent" };
  if (live.status !== 200) return failedResult(ref, failureOf(live));
  const labels = (live.body.metadata?.labels ?? {}) as Record<string, string>;
  const sameObject = !ref.uid || live.body.metadata?.uid === ref.uid;
  if (labels[DESIGN_ID_LABEL] !== designId || !sameObject) return { ...ref, action: "kept" };
  const response = await kube.request("DELETE", path, {
    query: { propagationPolicy: "Background" },
    ...(ref.uid
      ? { body: { kind: "DeleteOptions", apiVersion: "v1", preconditions: { uid: ref.uid } } }
      : {}),
  });
  if (response.status === 404) return { ...ref, action: "absent" };
  if (response.status !== 200 && response.status !== 202) return failedResult(ref, failureOf(response));
  return { ...ref, action };
}

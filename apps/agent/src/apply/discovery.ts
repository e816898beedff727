// Owns API discovery: which resource (plural name, scope) serves a kind, and the URL of an object.
import type { KubeApi } from "../kube-api";
import { statusMessage } from "../kube-api";
import type { ObjectRef } from "./objects";

export interface ResourceInfo {
  apiVersion: string;
  plural: string;
  namespaced: boolean;
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

export interface Discovery {
  /** The resource serving `kind`, refetching its group version once when the kind is unknown (a new CRD). */
  resolve(apiVersion: string, kind: string): Promise<ResourceInfo | undefined>;
  forget(apiVersion: string): void;
}

const groupVersionPath = (apiVersion: string) =>
  apiVersion.includes("/") ? `/apis/${apiVersion}` : `/api/${apiVersion}`;

export function createDiscovery(kube: KubeApi): Discovery {
  const cache = new Map<string, ApiResource[]>();

  async function fetchResources(apiVersion: string): Promise<ApiResource[]> {
    const response = await kube.request("GET", groupVersionPath(apiVersion));
    if (response.status === 404) return [];
    if (response.status !== 200)
      throw new Error(`discovery of ${apiVersion} failed: ${statusMessage(response)}`);
    // Subresources (deployments/scale) share the kind of their parent; only whole resources are applied.
    const resources = (response.body.resources as ApiResource[]).filter(
      (resource) => !resource.name.includes("/"),
    );
    cache.set(apiVersion, resources);
    return resources;
  }

  return {
    async resolve(apiVersion, kind) {
      const cached = cache.get(apiVersion);
      const found = cached?.find((resource) => resource.kind === kind);
      const resource = found ?? (await fetchResources(apiVersion)).find((r) => r.kind === kind);
      return resource && { apiVersion, plural: resource.name, namespaced: resource.namespaced };
    },
    forget: (apiVersion) => cache.delete(apiVersion),
  };
}

/** The object's URL path; names are escaped, never lower-cased (client-node's builder lower-cases them). */
export function objectPath(info: ResourceInfo, ref: Pick<ObjectRef, "namespace" | "name">): string {
  const base = groupVersionPath(info.apiVersion);
  const scope = info.namespaced ? `/namespaces/${encodeURIComponent(ref.namespace ?? "default")}` : "";
  return `${base}${scope}/${info.plural}/${encodeURIComponent(ref.name)}`;
}

// Owns which resources the inventory watches: every listable and watchable one discovery offers, minus noise.
import { type KubeApi, statusMessage } from "../kube-api";
import type { Logger } from "../log";

export interface WatchedResource {
  /** "plural" for the core group, "plural.group" otherwise: how operators name resources in the filters. */
  key: string;
  group: string;
  version: string;
  apiVersion: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

/** High-churn kinds that say little about what is deployed; an operator can set their own list. */
export const DEFAULT_EXCLUDED = [
  "events",
  "events.events.k8s.io",
  "leases.coordination.k8s.io",
  "endpoints",
  "endpointslices.discovery.k8s.io",
];

export interface WatchSetFilter {
  exclude: readonly string[];
  /** When set, only these resources are watched. */
  include?: readonly string[] | undefined;
}

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
}

async function resourcesOf(kube: KubeApi, path: string): Promise<ApiResource[]> {
  const response = await kube.request("GET", path);
  if (response.status !== 200) throw new Error(`discovery of ${path} failed: ${statusMessage(response)}`);
  return (response.body?.resources ?? []) as ApiResource[];
}

/**
 * The preferred version of every group, its resources that can be listed and watched; subresources
 * (deployments/status) are left out. A group whose discovery fails (an aggregated API that is down) is
 * skipped with a warning, so one broken extension does not stop the inventory.
 */
export async function discoverWatchSet(
  kube: KubeApi,
  filter: WatchSetFilter,
  log: Logger,
): Promise<WatchedResource[]> {
  const groupVersions: { group: string; version: string; path: string }[] = [
    { group: "", version: "v1", path: "/api/v1" },
  ];
  const groups = await kube.request("GET", "/apis");
  if (groups.status !== 200) throw new Error(`discovery of /apis failed: ${statusMessage(groups)}`);
  for (const group of groups.body?.groups ?? []) {
    const preferred = group.preferredVersion?.version ?? group.versions?.[0]?.version;
    if (typeof group.name === "string" && typeof preferred === "string")
      groupVersions.push({ group: group.name, version: preferred, path: `/apis/${group.name}/${preferred}` });
  }
  const exclude = new Set(filter.exclude);
  const include = filter.include ? new Set(filter.include) : undefined;
  const watched: WatchedResource[] = [];
  for (const gv of groupVersions) {
    let resources: ApiResource[];
    try {
      resources = await resourcesOf(kube, gv.path);
    } catch (error) {
      if (gv.group === "") throw error;
      log.warn("skipping an API group whose discovery failed", { group: gv.group, err: error });
      continue;
    }
    for (const resource of resources) {
      if (resource.name.includes("/")) continue;
      const verbs = resource.verbs ?? [];
      if (!verbs.includes("list") || !verbs.includes("watch")) continue;
      const key = gv.group ? `${resource.name}.${gv.group}` : resource.name;
      if (exclude.has(key) || (include && !include.has(key))) continue;
      watched.push({
        key,
        group: gv.group,
        version: gv.version,
        apiVersion: gv.group ? `${gv.group}/${gv.version}` : gv.version,
        plural: resource.name,
        kind: resource.kind,
        namespaced: resource.namespaced,
      });
    }
  }
  return watched;
}

/** The collection URL of a resource across all namespaces. */
export const collectionPath = (resource: WatchedResource) =>
  `${resource.group ? `/apis/${resource.apiVersion}` : `/api/${resource.version}`}/${resource.plural}`;

// Owns the fake API server's discovery: the built-in resources it serves, and those CRDs add once established.

export interface FakeResource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  /** Defaults to everything; virtual resources such as TokenReview can only be created. */
  verbs?: string[];
}

const ALL_VERBS = ["create", "delete", "get", "list", "patch", "update", "watch"];
// Served beside their parents, as the real discovery lists them; never listed or watched on their own.
const SUBRESOURCES: Record<string, { name: string; verbs: string[] }[]> = {
  pods: [
    { name: "log", verbs: ["get"] },
    { name: "status", verbs: ["get", "patch", "update"] },
  ],
  deployments: [
    { name: "scale", verbs: ["get", "patch", "update"] },
    { name: "status", verbs: ["get", "patch", "update"] },
  ],
};

const builtIn: FakeResource[] = [
  ["", "v1", "namespaces", "Namespace", false],
  ["", "v1", "nodes", "Node", false],
  ["", "v1", "configmaps", "ConfigMap", true],
  ["", "v1", "secrets", "Secret", true],
  ["", "v1", "services", "Service", true],
  ["", "v1", "serviceaccounts", "ServiceAccount", true],
  ["", "v1", "pods", "Pod", true],
  ["apps", "v1", "deployments", "Deployment", true],
  ["apps", "v1", "statefulsets", "StatefulSet", true],
  ["apps", "v1", "daemonsets", "DaemonSet", true],
  ["batch", "v1", "jobs", "Job", true],
  ["rbac.authorization.k8s.io", "v1", "roles", "Role", true],
  ["rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true],
  ["rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false],
  ["rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false],
  ["apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false],
].map(([group, version, plural, kind, namespaced]) => ({
  group: group as string,
  version: version as string,
  plural: plural as string,
  kind: kind as string,
  namespaced: namespaced as boolean,
}));
builtIn.push({
  group: "authentication.k8s.io",
  version: "v1",
  plural: "tokenreviews",
  kind: "TokenReview",
  namespaced: false,
  verbs: ["create"],
});

export const apiVersionOf = (resource: Pick<FakeResource, "group" | "version">) =>
  resource.group ? `${resource.group}/${resource.version}` : resource.version;

export function createResourceRegistry() {
  const resources = [...builtIn];
  return {
    all: () => resources,
    find: (group: string, version: string, plural: string) =>
      resources.find((r) => r.group === group && r.version === version && r.plural === plural),
    add(resource: FakeResource) {
      if (!this.find(resource.group, resource.version, resource.plural)) resources.push(resource);
    },
    remove(group: string, plural: string) {
      for (let i = resources.length - 1; i >= 0; i--) {
        if (resources[i]?.group === group && resources[i]?.plural === plural) resources.splice(i, 1);
      }
    },
    /** GET /api and /apis answers. */
    versions: () => ({ kind: "APIVersions", versions: ["v1"] }),
    groups() {
      const byGroup = new Map<string, Set<string>>();
      for (const r of resources)
        if (r.group) byGroup.set(r.group, (byGroup.get(r.group) ?? new Set()).add(r.version));
      return {
        kind: "APIGroupList",
        apiVersion: "v1",
        groups: [...byGroup].map(([name, versions]) => {
          const list = [...versions].map((version) => ({ groupVersion: `${name}/${version}`, version }));
          return { name, versions: list, preferredVersion: list[0] };
        }),
      };
    },
    /** GET /api/v1 or /apis/<group>/<version>, or undefined when nothing is served there. */
    resourceList(group: string, version: string) {
      const served = resources.filter((r) => r.group === group && r.version === version);
      if (served.length === 0) return undefined;
      return {
        kind: "APIResourceList",
        apiVersion: "v1",
        groupVersion: apiVersionOf({ group, version }),
        resources: served.flatMap((r) => [
          {
            name: r.plural,
            singularName: r.kind.toLowerCase(),
            namespaced: r.namespaced,
            kind: r.kind,
            verbs: r.verbs ?? ALL_VERBS,
          },
          ...(SUBRESOURCES[r.plural] ?? []).map((sub) => ({
            name: `${r.plural}/${sub.name}`,
            singularName: "",
            namespaced: r.namespaced,
            kind: sub.name === "scale" ? "Scale" : r.kind,
            verbs: sub.verbs,
          })),
        ]),
      };
    },
  };
}

export type ResourceRegistry = ReturnType<typeof createResourceRegistry>;

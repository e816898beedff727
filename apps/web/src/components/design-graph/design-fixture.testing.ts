// Small stored-design shapes for the graph's unit tests: components and relationships as the API returns them.

export type FixtureComponent = { id: string; kind: string; name: string; namespace?: string };

export function storedComponent({ id, kind, name, namespace }: FixtureComponent): Record<string, unknown> {
  return {
    id,
    displayName: name,
    component: { kind, version: "v1" },
    model: { name: "kubernetes" },
    configuration: { metadata: { name, ...(namespace ? { namespace } : {}) } },
    metadata: { isAnnotation: false },
  };
}

export function storedRelationship(
  id: string,
  [kind, type, subType]: [string, string, string],
  from: string,
  to: string,
  via?: string,
): Record<string, unknown> {
  const match = via ? { from: [{ id: via, kind: "Binding" }], to: [{ id: to, kind: "self" }] } : undefined;
  return {
    id,
    kind,
    type,
    subType,
    status: "approved",
    selectors: [
      {
        allow: { from: [{ id: from, kind: "A" }], to: [{ id: to, kind: "B", ...(match ? { match } : {}) }] },
        deny: { from: [], to: [] },
      },
    ],
  };
}

export const inventory: [string, string, string] = ["hierarchical", "parent", "inventory"];
export const alias: [string, string, string] = ["hierarchical", "parent", "alias"];
export const network: [string, string, string] = ["edge", "non-binding", "network"];
export const reference: [string, string, string] = ["edge", "non-binding", "reference"];
export const permission: [string, string, string] = ["edge", "binding", "permission"];

/** A namespace "shop" with an Ingress, a Service, a Deployment, its Container, a ConfigMap and a binding. */
export function shopDesign(): Record<string, unknown> {
  const components: FixtureComponent[] = [
    { id: "ns", kind: "Namespace", name: "shop" },
    { id: "ing", kind: "Ingress", name: "shop", namespace: "shop" },
    { id: "svc", kind: "Service", name: "web", namespace: "shop" },
    { id: "dep", kind: "Deployment", name: "web", namespace: "shop" },
    { id: "ctr", kind: "Container", name: "web" },
    { id: "cm", kind: "ConfigMap", name: "web-config", namespace: "shop" },
    { id: "sa", kind: "ServiceAccount", name: "web", namespace: "shop" },
    { id: "role", kind: "Role", name: "reader", namespace: "shop" },
    { id: "rb", kind: "RoleBinding", name: "web-reads", namespace: "shop" },
    { id: "cr", kind: "ClusterRole", name: "viewer" },
  ];
  const inShop = ["ing", "svc", "dep", "cm", "sa", "role", "rb"];
  return {
    id: "design",
    name: "shop",
    components: components.map(storedComponent),
    relationships: [
      ...inShop.map((id) => storedRelationship(`inv-${id}`, inventory, id, "ns")),
      storedRelationship("alias-ctr", alias, "ctr", "dep"),
      storedRelationship("net-ing", network, "ing", "svc"),
      storedRelationship("net-svc", network, "svc", "dep"),
      storedRelationship("ref-cm", reference, "cm", "dep"),
      storedRelationship("perm", permission, "role", "sa", "rb"),
    ],
  };
}

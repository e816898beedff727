// Synthetic designs of any size with a realistic mix of resources, for the benchmark and its sanity test.
import type { Component, Design } from "../format/schema";
import { importKubernetesManifests } from "../kubernetes/import";

const APPS_PER_NAMESPACE = 4;

type Resource = Record<string, unknown>;

// One team's namespace: identity and RBAC, a policy, an ingress, and per app its config, secret, workload and service.
function namespaceResources(team: number): Resource[] {
  const namespace = `team-${team}`;
  const meta = (name: string, labels?: Record<string, string>) => ({
    name,
    namespace,
    ...(labels ? { labels } : {}),
  });
  // Every fifth team forgot its Namespace manifest, so the engine has parents to add.
  const resources: Resource[] =
    team % 5 === 4 ? [] : [{ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } }];
  resources.push(
    { apiVersion: "v1", kind: "ServiceAccount", metadata: meta("app") },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: meta("reader"),
      rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get"] }],
    },
    {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta("app-reads"),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" },
      subjects: [{ kind: "ServiceAccount", name: "app" }],
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: meta("app-1-from-app-0"),
      spec: {
        podSelector: { matchLabels: { app: "app-1" } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: "app-0" } } }] }],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: meta("edge"),
      spec: {
        rules: [
          {
            http: {
              paths: [
                {
                  path: "/",
                  pathType: "Prefix",
                  backend: { service: { name: "app-0", port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    },
  );
  for (let app = 0; app < APPS_PER_NAMESPACE; app++) resources.push(...appResources(`app-${app}`, app, meta));
  return resources;
}

function appResources(
  name: string,
  app: number,
  meta: (name: string, labels?: Record<string, string>) => object,
) {
  const labels = { app: name, "app.kubernetes.io/part-of": "shop" };
  const withClaim = app % 2 === 0;
  const resources: Resource[] = [
    { apiVersion: "v1", kind: "ConfigMap", metadata: meta(`${name}-config`), data: { LOG_LEVEL: "info" } },
    { apiVersion: "v1", kind: "Secret", metadata: meta(`${name}-secret`), type: "Opaque" },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: meta(name, labels),
      spec: {
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: "app",
            containers: [
              {
                name,
                image: `ghcr.io/example/${name}:1.0.0`,
                envFrom: [{ configMapRef: { name: `${name}-config` } }],
                env: [
                  { name: "TOKEN", valueFrom: { secretKeyRef: { name: `${name}-secret`, key: "token" } } },
                ],
              },
            ],
            ...(withClaim
              ? { volumes: [{ name: "data", persistentVolumeClaim: { claimName: `${name}-data` } }] }
              : {}),
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: meta(name),
      spec: { selector: { app: name }, ports: [{ port: 80 }] },
    },
  ];
  if (withClaim) {
    resources.push({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: meta(`${name}-data`),
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    });
  }
  return resources;
}

/** A design of exactly `size` components, imported through the real manifest importer with counter ids. */
export function syntheticDesign(size: number): Design {
  let next = 0;
  const newId = () => `00000000-0000-4000-8000-${(++next).toString(16).padStart(12, "0")}`;
  const components: Component[] = [];
  for (let team = 0; components.length < size; team++) {
    const items = namespaceResources(team).slice(0, size - components.length);
    const imported = importKubernetesManifests(JSON.stringify({ apiVersion: "v1", kind: "List", items }), {
      newId,
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    components.push(...imported.design.components);
  }
  return {
    id: "00000000-0000-4000-8000-000000000000",
    name: `synthetic-${size}`,
    schemaVersion: "designs.meshery.io/v1beta1",
    version: "0.0.1",
    components,
    relationships: [],
  };
}

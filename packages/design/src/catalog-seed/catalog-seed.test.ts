// Every seeded catalog design imports cleanly, is related by the engine as intended, and round-trips.
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type Design, parseDesign } from "../format/schema";
import { exportKubernetesManifests, exportKubernetesObjects } from "../kubernetes/export";
import { importKubernetesManifests } from "../kubernetes/import";
import { isNamespaced } from "../kubernetes/kinds";
import { builtInRelationshipDefinitions } from "../relationships/built-in-definitions";
import { evaluateRelationships } from "../relationships/evaluate";
import { anatomyOf } from "../relationships/instances";
import { CATALOG_TYPES, catalogSeedEntries, loadCatalogSeed } from "./index";

const definitions = builtInRelationshipDefinitions();
const seed = loadCatalogSeed();

// Custom resources a design deliberately holds, each imported with a "kept as a custom resource" warning.
const CUSTOM_RESOURCES: Record<string, string[]> = {
  "external-secrets-csi": ["secrets-store.csi.x-k8s.io/v1 SecretProviderClass"],
};

// The edges and containers each design exists to show, exactly; namespaces and shared labels are checked apart.
// Implied by the manifests but outside the built-in definitions, so not expected here: HorizontalPodAutoscaler and
// PodDisruptionBudget to their workloads, a NetworkPolicy with an empty podSelector (default deny, DNS) or between
// a StatefulSet's own pods, RoleBindings to ClusterRoles the design does not hold (edit, view), a PriorityClass to
// the pods that use it, a SecretProviderClass to the pod mounting its CSI volume, and init containers as aliases.
const EXPECTED: Record<string, string[]> = {
  "web-app-postgres": [
    "edge-binding-firewall Deployment/webapp -> StatefulSet/postgres via NetworkPolicy/postgres-from-webapp",
    "edge-non-binding-network Ingress/webapp -> Service/webapp",
    "edge-non-binding-network Service/postgres -> StatefulSet/postgres",
    "edge-non-binding-network Service/webapp -> Deployment/webapp",
    "edge-non-binding-reference ConfigMap/webapp-config -> Deployment/webapp",
    "edge-non-binding-reference PersistentVolumeClaim/postgres-data -> StatefulSet/postgres",
    "edge-non-binding-reference Secret/postgres-credentials -> Deployment/webapp",
    "edge-non-binding-reference Secret/postgres-credentials -> StatefulSet/postgres",
    "edge-non-binding-reference ServiceAccount/webapp -> Deployment/webapp",
    "hierarchical-parent-alias Container/postgres -> StatefulSet/postgres",
    "hierarchical-parent-alias Container/webapp -> Deployment/webapp",
  ],
  "redis-cache": [
    "edge-non-binding-network Service/redis -> StatefulSet/redis",
    "edge-non-binding-network Service/redis-headless -> StatefulSet/redis",
    "edge-non-binding-reference ConfigMap/redis-config -> StatefulSet/redis",
    "edge-non-binding-reference Secret/redis-auth -> StatefulSet/redis",
    "edge-non-binding-reference ServiceAccount/redis -> StatefulSet/redis",
    "hierarchical-parent-alias Container/metrics -> StatefulSet/redis",
    "hierarchical-parent-alias Container/redis -> StatefulSet/redis",
  ],
  "rabbitmq-cluster": [
    "edge-non-binding-network Service/rabbitmq -> StatefulSet/rabbitmq",
    "edge-non-binding-network Service/rabbitmq-nodes -> StatefulSet/rabbitmq",
    "edge-non-binding-reference ConfigMap/rabbitmq-config -> StatefulSet/rabbitmq",
    "edge-non-binding-reference Secret/rabbitmq-secrets -> StatefulSet/rabbitmq",
    "edge-non-binding-reference ServiceAccount/rabbitmq -> StatefulSet/rabbitmq",
    "hierarchical-parent-alias Container/rabbitmq -> StatefulSet/rabbitmq",
  ],
  "etcd-cluster": [
    "edge-non-binding-network Service/etcd -> StatefulSet/etcd",
    "edge-non-binding-network Service/etcd-peer -> StatefulSet/etcd",
    "edge-non-binding-reference ConfigMap/etcd-config -> StatefulSet/etcd",
    "edge-non-binding-reference ServiceAccount/etcd -> StatefulSet/etcd",
    "hierarchical-parent-alias Container/etcd -> StatefulSet/etcd",
  ],
  "ingress-tls": [
    "edge-non-binding-network Ingress/site -> Service/site",
    "edge-non-binding-network Service/site -> Deployment/site",
    "edge-non-binding-reference ConfigMap/site-nginx -> Deployment/site",
    "hierarchical-parent-alias Container/nginx -> Deployment/site",
  ],
  "canary-weighted": [
    "edge-non-binding-network Ingress/storefront -> Service/storefront-stable",
    "edge-non-binding-network Ingress/storefront-canary -> Service/storefront-canary",
    "edge-non-binding-network Service/storefront-canary -> Deployment/storefront-canary",
    "edge-non-binding-network Service/storefront-stable -> Deployment/storefront-stable",
    "hierarchical-parent-alias Container/storefront -> Deployment/storefront-canary",
    "hierarchical-parent-alias Container/storefront -> Deployment/storefront-stable",
  ],
  "blue-green-deployment": [
    "edge-non-binding-network Service/checkout -> Deployment/checkout-blue",
    "edge-non-binding-network Service/checkout-preview -> Deployment/checkout-green",
    "edge-non-binding-reference ConfigMap/checkout -> Deployment/checkout-blue",
    "edge-non-binding-reference ConfigMap/checkout -> Deployment/checkout-green",
    "hierarchical-parent-alias Container/checkout -> Deployment/checkout-blue",
    "hierarchical-parent-alias Container/checkout -> Deployment/checkout-green",
  ],
  "sidecar-proxy": [
    "edge-non-binding-network Service/inventory -> Deployment/inventory",
    "edge-non-binding-reference ConfigMap/inventory-proxy -> Deployment/inventory",
    "hierarchical-parent-alias Container/app -> Deployment/inventory",
    "hierarchical-parent-alias Container/proxy -> Deployment/inventory",
  ],
  "external-database-externalname": [
    "edge-non-binding-network Service/billing -> Deployment/billing",
    "edge-non-binding-reference ConfigMap/billing -> Deployment/billing",
    "edge-non-binding-reference Secret/billing-db-credentials -> Deployment/billing",
    "hierarchical-parent-alias Container/billing -> Deployment/billing",
  ],
  "grpc-readiness-gates": [
    "edge-binding-permission Role/set-pod-conditions -> ServiceAccount/recommendations via RoleBinding/recommendations-set-pod-conditions",
    "edge-non-binding-network Service/recommendations -> Deployment/recommendations",
    "edge-non-binding-network Service/recommendations-headless -> Deployment/recommendations",
    "edge-non-binding-reference ConfigMap/recommendations -> Deployment/recommendations",
    "edge-non-binding-reference ServiceAccount/recommendations -> Deployment/recommendations",
    "hierarchical-parent-alias Container/server -> Deployment/recommendations",
  ],
  "api-autoscaling": [
    "edge-non-binding-network Service/orders-api -> Deployment/orders-api",
    "edge-non-binding-reference ConfigMap/orders-api -> Deployment/orders-api",
    "hierarchical-parent-alias Container/api -> Deployment/orders-api",
  ],
  "cluster-overprovisioning": [
    "hierarchical-parent-alias Container/pause -> Deployment/capacity-reservation",
  ],
  "job-with-retries": [
    "edge-non-binding-reference ConfigMap/backfill-settings -> Job/backfill-events",
    "edge-non-binding-reference Secret/backfill-database -> Job/backfill-events",
    "edge-non-binding-reference ServiceAccount/backfill -> Job/backfill-events",
    "hierarchical-parent-alias Container/worker -> Job/backfill-events",
  ],
  "cronjob-postgres-backup": [
    "edge-non-binding-reference ConfigMap/backup-settings -> CronJob/postgres-backup",
    "edge-non-binding-reference Secret/backup-credentials -> CronJob/postgres-backup",
    "edge-non-binding-reference ServiceAccount/postgres-backup -> CronJob/postgres-backup",
    "hierarchical-parent-alias Container/upload -> CronJob/postgres-backup",
  ],
  "network-policy-default-deny": [
    "edge-binding-firewall Deployment/api -> Deployment/cache via NetworkPolicy/api-to-cache",
    "edge-binding-firewall Deployment/api -> Deployment/cache via NetworkPolicy/cache-from-api",
    "edge-binding-firewall Deployment/frontend -> Deployment/api via NetworkPolicy/api-from-frontend",
    "edge-binding-firewall Deployment/frontend -> Deployment/api via NetworkPolicy/frontend-to-api",
    "edge-non-binding-network Service/api -> Deployment/api",
    "edge-non-binding-network Service/cache -> Deployment/cache",
    "edge-non-binding-network Service/frontend -> Deployment/frontend",
    "hierarchical-parent-alias Container/api -> Deployment/api",
    "hierarchical-parent-alias Container/frontend -> Deployment/frontend",
    "hierarchical-parent-alias Container/redis -> Deployment/cache",
  ],
  "restricted-pod-security": [
    "edge-non-binding-network Service/hardened-web -> Deployment/hardened-web",
    "edge-non-binding-reference ServiceAccount/hardened-web -> Deployment/hardened-web",
    "hierarchical-parent-alias Container/web -> Deployment/hardened-web",
  ],
  "ci-deployer-rbac": [
    "edge-binding-permission Role/ci-deployer -> ServiceAccount/ci-deployer via RoleBinding/ci-deployer",
    "edge-binding-permission Role/ci-reader -> ServiceAccount/ci-reader via RoleBinding/ci-reader",
  ],
  "external-secrets-csi": [
    "edge-non-binding-network Service/payments -> Deployment/payments",
    "edge-non-binding-reference ConfigMap/payments -> Deployment/payments",
    "edge-non-binding-reference ServiceAccount/payments -> Deployment/payments",
    "hierarchical-parent-alias Container/payments -> Deployment/payments",
  ],
  "team-namespace-quotas": [],
  "prometheus-pod-discovery": [
    "edge-binding-permission ClusterRole/prometheus-pod-discovery -> ServiceAccount/prometheus via ClusterRoleBinding/prometheus-pod-discovery",
    "edge-non-binding-network Service/prometheus -> Deployment/prometheus",
    "edge-non-binding-reference ConfigMap/prometheus-config -> Deployment/prometheus",
    "edge-non-binding-reference PersistentVolumeClaim/prometheus-data -> Deployment/prometheus",
    "edge-non-binding-reference ServiceAccount/prometheus -> Deployment/prometheus",
    "hierarchical-parent-alias Container/prometheus -> Deployment/prometheus",
  ],
  "log-shipper-daemonset": [
    "edge-binding-permission ClusterRole/fluent-bit-read-pods -> ServiceAccount/fluent-bit via ClusterRoleBinding/fluent-bit-read-pods",
    "edge-non-binding-network Service/fluent-bit-metrics -> DaemonSet/fluent-bit",
    "edge-non-binding-reference ConfigMap/fluent-bit-config -> DaemonSet/fluent-bit",
    "edge-non-binding-reference ServiceAccount/fluent-bit -> DaemonSet/fluent-bit",
    "hierarchical-parent-alias Container/fluent-bit -> DaemonSet/fluent-bit",
  ],
  "node-problem-detector": [
    "edge-binding-permission ClusterRole/node-problem-detector -> ServiceAccount/node-problem-detector via ClusterRoleBinding/node-problem-detector",
    "edge-non-binding-network Service/node-problem-detector-metrics -> DaemonSet/node-problem-detector",
    "edge-non-binding-reference ConfigMap/node-problem-detector-config -> DaemonSet/node-problem-detector",
    "edge-non-binding-reference ServiceAccount/node-problem-detector -> DaemonSet/node-problem-detector",
    "hierarchical-parent-alias Container/node-problem-detector -> DaemonSet/node-problem-detector",
  ],
};

function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}

function imported(slug: string, manifests: string) {
  const result = importKubernetesManifests(manifests, { name: slug, newId: counterIds() });
  if (!result.ok) throw new Error(`${slug}: ${JSON.stringify(result.errors)}`);
  return result;
}

function relationshipLines(design: Design): string[] {
  const names = new Map(design.components.map((c) => [c.id, `${c.component.kind}/${c.displayName}`]));
  const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? `missing:${id}`).sort();
  return design.relationships
    .map((relationship) => {
      const anatomy = anatomyOf(relationship);
      const via = anatomy.bindingIds.length > 0 ? ` via ${named(anatomy.bindingIds).join(",")}` : "";
      return `${anatomy.className} ${named(anatomy.fromIds).join(",")} -> ${named(anatomy.toIds).join(",")}${via}`;
    })
    .sort();
}

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };

function objectKey(object: Manifest): string {
  return [object.apiVersion, object.kind, object.metadata.namespace ?? "", object.metadata.name].join("/");
}

function byKey(objects: readonly Manifest[]): Manifest[] {
  return [...objects].sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1));
}

function documentsOf(manifests: string): Manifest[] {
  return parseAllDocuments(manifests)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((object) => object !== null);
}

describe("the catalog seed's metadata", () => {
  it("holds at least eighteen designs with unique slugs, names and file names", () => {
    expect(catalogSeedEntries.length).toBeGreaterThanOrEqual(18);
    for (const field of ["slug", "name", "file"] as const) {
      const values = catalogSeedEntries.map((entry) => entry[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it.each(catalogSeedEntries.map((entry) => [entry.slug, entry] as const))("%s is complete", (_, entry) => {
    expect(entry.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(entry.file).toBe(`${entry.slug}.yaml`);
    expect(entry.name.trim().length).toBeGreaterThan(3);
    expect(entry.description.length).toBeGreaterThanOrEqual(40);
    expect(entry.caveats.length).toBeGreaterThanOrEqual(20);
    expect(CATALOG_TYPES).toContain(entry.type);
    expect(entry.technology[0]).toBe("kubernetes");
    expect(new Set(entry.technology).size).toBe(entry.technology.length);
    expect(entry.class).toBe("official");
  });

  it("covers every catalog type", () => {
    expect(new Set(catalogSeedEntries.map((entry) => entry.type))).toEqual(new Set(CATALOG_TYPES));
  });

  it("loads each entry with its manifests, in catalog order", () => {
    expect(seed.map((design) => design.entry)).toEqual(catalogSeedEntries);
    for (const design of seed) expect(design.manifests.length).toBeGreaterThan(200);
  });

  it("keeps designs apart when several are deployed to one cluster", () => {
    const owners = new Map<string, string>();
    for (const { entry, manifests } of seed) {
      for (const object of documentsOf(manifests)) {
        // Namespaces and cluster-scoped objects must not collide; namespaced ones live in their design's namespace.
        if (isNamespaced(object.kind)) continue;
        const key = `${object.kind}/${object.metadata.name}`;
        expect(owners.get(key), `${key} in ${entry.slug}`).toBeUndefined();
        owners.set(key, entry.slug);
      }
    }
  });
});

describe.each(seed.map((design) => [design.entry.slug, design] as const))(
  "catalog design %s",
  (slug, design) => {
    const { design: importedDesign, warnings } = imported(slug, design.manifests);
    const evaluation = evaluateRelationships(importedDesign, definitions);
    const lines = relationshipLines(evaluation.design);

    it("imports with no warnings but its documented custom resources", () => {
      const custom = warnings.map((w) => w.message.split(" is not a built-in")[0]);
      expect(custom.sort()).toEqual([...(CUSTOM_RESOURCES[slug] ?? [])].sort());
    });

    it("names a Namespace it declares for every namespaced object", () => {
      const objects = documentsOf(design.manifests);
      const declared = new Set(objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name));
      expect(declared.size).toBeGreaterThan(0);
      for (const object of objects.filter((o) => isNamespaced(o.kind))) {
        expect(object.metadata.namespace, objectKey(object)).toBeDefined();
        expect(declared, objectKey(object)).toContain(object.metadata.namespace);
      }
    });

    it("is related by the engine as the design intends, converging without adding namespaces", () => {
      expect(evaluation.converged).toBe(true);
      expect(evaluation.design.relationships.length).toBeGreaterThan(0);
      const edges = lines.filter(
        (line) => !line.startsWith("hierarchical-parent-inventory") && !line.startsWith("edge-sibling"),
      );
      expect(edges).toEqual(EXPECTED[slug]);
      const added = evaluation.trace.componentsAdded.map((c) => c.component.kind);
      expect(added.filter((kind) => kind !== "Container")).toEqual([]);
      const parsed = parseDesign(JSON.parse(JSON.stringify(evaluation.design)));
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    });

    it("puts every namespaced object under the Namespace it names", () => {
      const inventory = lines.filter((line) => line.startsWith("hierarchical-parent-inventory"));
      const namespaced = documentsOf(design.manifests).filter((o) => isNamespaced(o.kind));
      expect(inventory).toEqual(
        namespaced
          .map(
            (o) =>
              `hierarchical-parent-inventory ${o.kind}/${o.metadata.name} -> Namespace/${o.metadata.namespace}`,
          )
          .sort(),
      );
    });

    it("round-trips through export and import without losing a field", () => {
      const exported = exportKubernetesManifests(importedDesign);
      expect(byKey(documentsOf(exported))).toEqual(byKey(documentsOf(design.manifests)));
      const again = imported(slug, exported);
      expect(exportKubernetesObjects(again.design)).toEqual(exportKubernetesObjects(importedDesign));
      // The evaluated design exports the same objects: alias containers are annotations, nothing else was added.
      expect(byKey(exportKubernetesObjects(evaluation.design) as Manifest[])).toEqual(
        byKey(documentsOf(design.manifests)),
      );
    });
  },
);

it("expects relationships only of designs that exist", () => {
  const slugs = new Set(catalogSeedEntries.map((entry) => entry.slug));
  for (const slug of [...Object.keys(EXPECTED), ...Object.keys(CUSTOM_RESOURCES)])
    expect(slugs).toContain(slug);
  for (const slug of slugs) expect(EXPECTED[slug], slug).toBeDefined();
});

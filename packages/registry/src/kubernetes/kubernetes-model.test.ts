import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  KUBERNETES_VERSION,
  kubernetesComponentDefinition,
  kubernetesKindSchema,
  kubernetesKinds,
  kubernetesModelBundle,
} from "./kubernetes-model";

function kindOf(apiVersion: string, kind: string) {
  const found = kubernetesKinds().find((k) => k.apiVersion === apiVersion && k.kind === kind);
  if (!found) throw new Error(`${apiVersion} ${kind} is not in the model`);
  return found;
}

type Schema = { [key: string]: unknown; $defs: Record<string, Record<string, unknown>> };
const schemaOf = (apiVersion: string, kind: string) =>
  kubernetesKindSchema(kindOf(apiVersion, kind)) as unknown as Schema;

describe("the Kubernetes model seed", () => {
  it.each([
    ["v1", "Pod", "pods", true],
    ["v1", "Service", "services", true],
    ["v1", "ConfigMap", "configmaps", true],
    ["v1", "Secret", "secrets", true],
    ["v1", "ServiceAccount", "serviceaccounts", true],
    ["v1", "PersistentVolumeClaim", "persistentvolumeclaims", true],
    ["v1", "Endpoints", "endpoints", true],
    ["v1", "Namespace", "namespaces", false],
    ["v1", "Node", "nodes", false],
    ["v1", "PersistentVolume", "persistentvolumes", false],
    ["apps/v1", "Deployment", "deployments", true],
    ["apps/v1", "StatefulSet", "statefulsets", true],
    ["apps/v1", "DaemonSet", "daemonsets", true],
    ["apps/v1", "ReplicaSet", "replicasets", true],
    ["batch/v1", "Job", "jobs", true],
    ["batch/v1", "CronJob", "cronjobs", true],
    ["autoscaling/v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true],
    ["autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true],
    ["policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true],
    ["networking.k8s.io/v1", "Ingress", "ingresses", true],
    ["networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", true],
    ["networking.k8s.io/v1", "IngressClass", "ingressclasses", false],
    ["rbac.authorization.k8s.io/v1", "Role", "roles", true],
    ["rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true],
    ["rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false],
    ["rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false],
    ["storage.k8s.io/v1", "StorageClass", "storageclasses", false],
    ["apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", false],
    [
      "admissionregistration.k8s.io/v1",
      "ValidatingWebhookConfiguration",
      "validatingwebhookconfigurations",
      false,
    ],
    ["scheduling.k8s.io/v1", "PriorityClass", "priorityclasses", false],
    ["discovery.k8s.io/v1", "EndpointSlice", "endpointslices", true],
    ["events.k8s.io/v1", "Event", "events", true],
    ["coordination.k8s.io/v1", "Lease", "leases", true],
    ["node.k8s.io/v1", "RuntimeClass", "runtimeclasses", false],
  ])("serves %s %s as %s, namespaced: %s", (apiVersion, kind, plural, namespaced) => {
    const found = kindOf(apiVersion, kind);
    expect(found.plural).toBe(plural);
    expect(found.namespaced).toBe(namespaced);
    expect(found.stability).toBe("stable");
    expect(found.verbs).toContain("get");
  });

  it("carries read-only and create-only kinds with the verbs the API offers them", () => {
    expect(kindOf("v1", "ComponentStatus").verbs).toEqual(["get", "list"]);
    expect(kindOf("authentication.k8s.io/v1", "TokenReview").verbs).toEqual(["create"]);
    expect(kindOf("apps/v1", "Deployment").verbs).toEqual(
      expect.arrayContaining(["create", "delete", "get", "list", "patch", "update"]),
    );
  });

  it("marks beta and alpha versions as such", () => {
    const betas = kubernetesKinds().filter((k) => k.stability === "beta");
    expect(betas.length).toBeGreaterThan(0);
    for (const kind of betas) expect(kind.version).toMatch(/^v\d+beta\d+$/);
    for (const kind of kubernetesKinds().filter((k) => k.stability === "stable")) {
      expect(kind.version).toMatch(/^v\d+$/);
    }
  });

  it("has no list, status, options or subresource types, and no kind twice", () => {
    const names = kubernetesKinds().map((k) => k.kind);
    for (const name of names)
      expect(name).not.toMatch(/List$|^Status$|Options$|^Scale$|^WatchEvent$|^Eviction$/);
    const keys = kubernetesKinds().map((k) => `${k.apiVersion} ${k.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(80);
  });

  it("names the Kubernetes release the client's OpenAPI types were generated from", () => {
    const require = createRequire(import.meta.url);
    const modelsDir = join(dirname(require.resolve("@kubernetes/client-node")), "gen/models");
    const header = readFileSync(join(modelsDir, "V1Pod.d.ts"), "utf8");
    expect(header).toContain(`OpenAPI spec version: ${KUBERNETES_VERSION}`);
    expect(kubernetesModelBundle().model.metadata.model).toEqual({ version: KUBERNETES_VERSION });
  });
});

describe("the generated schemas", () => {
  it("are self-contained: every $ref resolves inside the schema's own $defs", () => {
    for (const kind of kubernetesKinds()) {
      const schema = kubernetesKindSchema(kind) as unknown as Schema;
      const refs = JSON.stringify(schema).match(/"\$ref":"#\/\$defs\/[^"]+"/g) ?? [];
      for (const ref of refs) {
        const name = ref.slice('"$ref":"#/$defs/'.length, -1);
        expect(schema.$defs[name], `${kind.apiVersion} ${kind.kind} -> ${name}`).toBeDefined();
      }
    }
  });

  it("share definitions by reference instead of inlining them", () => {
    const deployment = schemaOf("apps/v1", "Deployment");
    expect(deployment.properties).toMatchObject({ spec: { $ref: "#/$defs/V1DeploymentSpec" } });
    expect(JSON.stringify(deployment).split('"containers":').length - 1).toBe(1);
    // A ConfigMap needs ObjectMeta and its parts, not the pod machinery.
    expect(Object.keys(schemaOf("v1", "ConfigMap").$defs)).not.toContain("V1PodSpec");
    expect(JSON.stringify(deployment).length).toBeLessThan(400_000);
  });

  it("keep descriptions, required properties, formats, maps, IntOrString and Quantity", () => {
    const deployment = schemaOf("apps/v1", "Deployment");
    const defs = deployment.$defs;
    expect(deployment.description).toMatch(/declarative updates for Pods/);
    expect(defs.V1DeploymentSpec?.required).toEqual(["selector", "template"]);
    expect(defs.V1Container?.required).toEqual(["name"]);
    expect(defs.V1ContainerPort?.properties).toMatchObject({
      containerPort: { type: "integer", format: "int32", description: expect.stringMatching(/port/) },
    });
    expect(defs.V1ObjectMeta?.properties).toMatchObject({
      labels: { type: "object", additionalProperties: { type: "string" } },
      creationTimestamp: { format: "date-time" },
    });
    expect(defs.V1HTTPGetAction?.properties).toMatchObject({ port: { $ref: "#/$defs/IntOrString" } });
    expect(defs.IntOrString).toMatchObject({ oneOf: [{ type: "integer" }, { type: "string" }] });
    expect(defs.V1ResourceRequirements?.properties).toMatchObject({
      limits: { type: "object", additionalProperties: { $ref: "#/$defs/Quantity" } },
    });
    expect(deployment.properties).toMatchObject({
      apiVersion: { const: "apps/v1" },
      kind: { const: "Deployment" },
    });
    expect(deployment.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("turn into Meshery-style component definitions", () => {
    const component = kubernetesComponentDefinition(kindOf("networking.k8s.io/v1", "NetworkPolicy"));
    expect(component).toMatchObject({
      kind: "NetworkPolicy",
      apiVersion: "networking.k8s.io/v1",
      displayName: "Network Policy",
      metadata: { group: "networking.k8s.io", plural: "networkpolicies", isNamespaced: true },
    });
    const bundle = kubernetesModelBundle();
    expect(bundle.model).toMatchObject({ name: "kubernetes", version: "v1.0.0", status: "enabled" });
    expect(bundle.components).toHaveLength(kubernetesKinds().length);
  });
});

// Configuration against the Kubernetes model: real designs pass, and each refused field is named with its path.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalogSeed } from "../catalog-seed/index";
import { importComposeFile } from "../compose/index";
import type { Design } from "../format/schema";
import { importMesheryDesign } from "../import/meshery-design";
import { importKubernetesManifests } from "../kubernetes/import";
import { describeIssue, MAX_REPORTED_ISSUES, validateConfiguration } from "./configuration";

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

function manifests(text: string): Design {
  const imported = importKubernetesManifests(text);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.design;
}

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: ghcr.io/example/web:1.0.0
          ports: [{ containerPort: 8080 }]
`;

const OTHERS = `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: web-config, namespace: shop }
data: { LOG_LEVEL: info }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
`;

// biome-ignore lint/suspicious/noExplicitAny: the tests edit arbitrary manifest fields.
type Manifest = Record<string, any>;

/** The web Deployment as the fourth component, after three valid ones, with one change to its configuration. */
function designWith(change: (configuration: Manifest) => void): Design {
  const design = manifests(`${OTHERS}---\n${WEB}`);
  const web = design.components[3];
  if (web?.component.kind !== "Deployment") throw new Error("the fourth component is not the Deployment");
  change(web.configuration as Manifest);
  return design;
}

describe("validateConfiguration on real designs", () => {
  const sources: [string, string][] = [
    ...loadCatalogSeed().map((seed): [string, string] => [seed.entry.slug, seed.manifests]),
    ["three-tier", fixture("../fixtures/three-tier.yaml")],
    ["payments", fixture("../relationships/fixtures/payments.yaml")],
  ];
  for (const [name, text] of sources) {
    it(`accepts every component of ${name}`, () => {
      const report = validateConfiguration(manifests(text));
      expect(report.issues.map(describeIssue)).toEqual([]);
      expect(report.valid).toBe(true);
      expect(report.checked).toBeGreaterThan(0);
    });
  }

  it("checks the Compose importer's output and Meshery's own exported design", () => {
    const compose = importComposeFile(fixture("../fixtures/shop-compose.yaml"));
    if (!compose.ok) throw new Error(JSON.stringify(compose.errors));
    const composeReport = validateConfiguration(compose.design);
    expect(composeReport.issues).toEqual([]);
    expect(composeReport.checked).toBe(compose.design.components.length);

    const meshery = importMesheryDesign(fixture("../fixtures/meshery-exported-design.yaml"));
    if (!meshery.ok) throw new Error(JSON.stringify(meshery.errors));
    const mesheryReport = validateConfiguration(meshery.design);
    // The Comment is an annotation: never deployed, so never checked.
    expect([mesheryReport.valid, mesheryReport.checked, mesheryReport.unchecked]).toEqual([true, 2, []]);
  });
});

describe("validateConfiguration names the field", () => {
  it("says what a field expected and what it got, with the JSON pointer", () => {
    const report = validateConfiguration(designWith((c) => (c.spec.replicas = "three")));
    expect(report.valid).toBe(false);
    expect(report.issues.map(describeIssue)).toEqual([
      'components[3] Deployment "web": spec.replicas: expected integer, got string "three"',
    ]);
    expect(report.issues[0]).toMatchObject({
      code: "schema",
      componentIndex: 3,
      kind: "Deployment",
      apiVersion: "apps/v1",
      name: "web",
      pointer: "/spec/replicas",
      path: "spec.replicas",
    });
  });

  it("points at a missing required field inside an array", () => {
    const report = validateConfiguration(designWith((c) => delete c.spec.template.spec.containers[0].name));
    expect(report.issues.map(({ pointer, path, message }) => ({ pointer, path, message }))).toEqual([
      {
        pointer: "/spec/template/spec/containers/0/name",
        path: "spec.template.spec.containers[0].name",
        message: "is required but missing",
      },
    ]);
  });

  it("explains quantities, int-or-string ports and label keys in the user's terms", () => {
    const report = validateConfiguration(
      designWith((c) => {
        const container = c.spec.template.spec.containers[0];
        container.resources = { limits: { cpu: "lots", memory: "1.5Gi" }, requests: { cpu: 0.5 } };
        container.readinessProbe = { httpGet: { path: "/", port: true } };
        c.metadata.labels = { "app.kubernetes.io/version": 2 };
      }),
    );
    expect(report.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'metadata.labels["app.kubernetes.io/version"]: expected string, got integer 2',
      "spec.template.spec.containers[0].readinessProbe.httpGet.port: expected an integer or a string, got boolean true",
      'spec.template.spec.containers[0].resources.limits.cpu: expected a quantity: a number, or a string such as "500m", "1.5Gi" or "2", got string "lots"',
    ]);
  });

  it("takes what real manifests carry: null members, status, quantities as numbers, named ports", () => {
    const report = validateConfiguration(
      designWith((c) => {
        c.metadata.creationTimestamp = null;
        c.status = { replicas: "not the design's business" };
        c.spec.template.spec.containers[0].resources = { limits: { cpu: 1, memory: "512Mi" } };
        c.spec.template.spec.containers[0].livenessProbe = { httpGet: { path: "/", port: "http" } };
      }),
    );
    expect(report.issues).toEqual([]);
  });

  it("leaves custom resources and other models unchecked, and reports them", () => {
    const design = manifests(`${WEB}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec: { parentRefs: "anything goes" }
`);
    const report = validateConfiguration(design);
    expect(report.valid).toBe(true);
    expect(report.checked).toBe(1);
    expect(report.unchecked).toEqual([
      {
        componentIndex: 1,
        componentId: design.components[1]?.id,
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "HTTPRoute",
      },
    ]);
  });

  it("keeps the first issues and counts them all", () => {
    const many = Array.from(
      { length: 600 },
      (_, i) => `apiVersion: v1
kind: ConfigMap
metadata: { name: c${i} }
data: { a: 1, b: true }
`,
    ).join("---\n");
    const report = validateConfiguration(manifests(many));
    expect(report.total).toBe(1200);
    expect(report.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(describeIssue(report.issues[0] as never)).toBe(
      'components[0] ConfigMap "c0": data.a: expected string, got integer 1',
    );
  });
});

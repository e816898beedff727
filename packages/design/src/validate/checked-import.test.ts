// The checked import refuses what the Kubernetes model refuses, at the document and line of the source.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importDesignSource } from "./checked-import";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

describe("importDesignSource with the registry's checks", () => {
  it("places a misspelt kind and a refused field on their lines, after a summary with the total", async () => {
    const result = await importDesignSource({
      content: `apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data:
  retries: 3
---
apiVersion: apps/v1
kind: Deploymnet
metadata: { name: web }
`,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.format).toBe("kubernetes-manifests");
    expect(result.errors).toEqual([
      { message: "2 components' kinds or fields do not fit the Kubernetes model" },
      {
        document: 1,
        line: 5,
        message: 'components[0] ConfigMap "settings": data.retries: expected string, got integer 3',
      },
      {
        document: 2,
        line: 8,
        message:
          'components[1] Deploymnet "web": apps/v1 has no kind Deploymnet in Kubernetes v1.34.0; did you mean apps/v1 Deployment?',
      },
    ]);
  });

  it("accepts what fits, keeping the importer's warnings for custom resources", async () => {
    const result = await importDesignSource({
      content: `apiVersion: v1
kind: Pod
metadata: { name: box }
spec: { containers: [{ name: app, image: nginx }] }
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: { name: box }
spec: { endpoints: "not checked: no schema here" }
`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => w.message)).toEqual([
      "monitoring.coreos.com/v1 ServiceMonitor is not a built-in Kubernetes kind: kept as a custom resource",
    ]);
  });

  it("accepts the Compose importer's output and Meshery's export, and leaves import failures as they were", async () => {
    const compose = await importDesignSource({
      content: fixture("shop-compose.yaml"),
      filename: "compose.yaml",
    });
    expect([compose.ok, compose.format]).toEqual([true, "docker-compose"]);
    const meshery = await importDesignSource({ content: fixture("meshery-exported-design.yaml") });
    expect([meshery.ok, meshery.format]).toEqual([true, "meshery-design"]);
    const broken = await importDesignSource({ content: "apiVersion: v1\nkind: [unclosed\n" });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]?.message).not.toMatch(/Kubernetes model/);
  });

  it("places a Meshery design's unknown kind on the line of its component's kind", async () => {
    const text = fixture("meshery-exported-design.yaml").replace(
      "      version: apps/v1\n      kind: Deployment\n",
      "      version: extensions/v1beta1\n      kind: Deployment\n",
    );
    const result = await importDesignSource({ content: text });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(106);
    expect(result.errors[0]?.message).toMatch(
      /does not serve Deployment at extensions\/v1beta1; it is served at apps\/v1$/,
    );
  });
});

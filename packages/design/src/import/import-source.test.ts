import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importDesignSource } from "./import-source";
import { gzipped, tarArchive } from "./test-archives";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const exported = fixture("meshery-exported-design.yaml");

describe("importDesignSource", () => {
  it("imports a design exported by Meshery losslessly, keeping ids, styles, annotations and relationships", async () => {
    const result = await importDesignSource({ content: exported, filename: "podinfo.yaml" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.format).toBe("meshery-design");
    expect(result.warnings).toEqual([]);
    const { design } = result;
    expect(design).toMatchObject({
      id: "5b3c1f0e-8a2d-4c6b-9e1f-2a7d4c8b6e10",
      name: "Podinfo on Kubernetes",
      version: "0.0.7",
    });
    expect(
      design.components.map((c) => `${c.component.kind}/${c.displayName}/${c.metadata.isAnnotation}`),
    ).toEqual([
      "Deployment/podinfo/false",
      "Service/podinfo/false",
      "Comment/scaled by HPA in production/true",
    ]);
    // Nothing Meshery wrote is dropped: compare with the file read as plain data.
    expect(JSON.parse(JSON.stringify(design))).toEqual(parse(exported));
  });

  it("imports the same design from JSON bytes, and renames it when asked", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(parse(exported)));
    const result = await importDesignSource({
      content: bytes,
      filename: "podinfo.json",
      name: "Podinfo copy",
    });
    expect(result).toMatchObject({ ok: true, format: "meshery-design", design: { name: "Podinfo copy" } });
    expect(result.source).toEqual({ content: bytes, filename: "podinfo.json" });
  });

  it("accepts Go's null for an empty list of relationships", async () => {
    const design = { ...parse(exported), relationships: null };
    const result = await importDesignSource({ content: JSON.stringify(design) });
    expect(result.ok && result.design.relationships).toEqual([]);
  });

  it("names the line and path of what makes a design invalid", async () => {
    const broken = exported.replace("      kind: Service\n", "      kind: 42\n");
    const result = await importDesignSource({ content: broken });
    expect(result).toMatchObject({
      ok: false,
      format: "meshery-design",
      errors: [
        {
          line: broken.split("\n").indexOf("      kind: 42") + 1,
          message: expect.stringMatching(/^components\[1\]\.component\.kind: /),
        },
      ],
    });
    const legacy = await importDesignSource({
      content: "name: old\nservices:\n  web: { type: Deployment }\n",
    });
    expect(legacy).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/legacy v1alpha2/) }],
    });
  });

  it("dispatches manifests and Compose files to their importers, passing name and Compose files on", async () => {
    const manifests = await importDesignSource({ content: fixture("three-tier.yaml"), name: "shop" });
    expect(manifests).toMatchObject({ ok: true, format: "kubernetes-manifests", design: { name: "shop" } });
    const compose = await importDesignSource(
      { content: fixture("shop-compose.yaml"), filename: "compose.yaml" },
      { files: { "./api.env": "A=1\n" }, variables: { WEB_TAG: "9" } },
    );
    if (!compose.ok) throw new Error(JSON.stringify(compose.errors));
    expect(compose.format).toBe("docker-compose");
    expect(compose.design.name).toBe("shop");
    expect(compose.design.components.map((c) => c.displayName)).toContain("api-env");
    expect(JSON.stringify(compose.design)).toContain("ghcr.io/example/shop-web:9");
  });

  it("refuses Helm charts and kustomizations with a clear message, keeping the source", async () => {
    const chart = await gzipped(
      tarArchive([{ name: "app/Chart.yaml", content: "apiVersion: v2\nname: app\nversion: 1.0.0\n" }]),
    );
    const helm = await importDesignSource({ content: chart, filename: "app-1.0.0.tgz" });
    expect(helm).toEqual({
      ok: false,
      format: "helm-chart",
      errors: [
        {
          message:
            "Helm charts are not supported yet: render the chart with `helm template` and import the manifests it prints",
        },
      ],
      source: { content: chart, filename: "app-1.0.0.tgz" },
    });
    const kustomize = await importDesignSource({
      content: "resources: [app.yaml]\n",
      filename: "kustomization.yaml",
    });
    expect(kustomize).toMatchObject({
      ok: false,
      format: "kustomization",
      errors: [{ message: expect.stringMatching(/^Kustomizations are not supported yet/) }],
    });
  });

  it("refuses binary data and unrelated YAML with the reason", async () => {
    const binary = await importDesignSource({ content: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
    expect(binary).toMatchObject({
      ok: false,
      format: "unknown",
      errors: [{ message: expect.stringMatching(/binary data/) }],
    });
    const unrelated = await importDesignSource({ content: "just: data\n" });
    expect(unrelated).toMatchObject({
      ok: false,
      errors: [
        { message: "the file is not a Meshery design, Kubernetes manifests or a Docker Compose file" },
      ],
    });
    const invalid = await importDesignSource({ content: "services:\n  web: [\n" });
    expect(invalid).toMatchObject({
      ok: false,
      errors: [{ line: 3, message: expect.stringMatching(/not valid YAML/) }],
    });
  });
});

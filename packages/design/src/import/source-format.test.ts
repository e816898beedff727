import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifySource, detectSourceFormat } from "./source-format";
import { gzipped, tarArchive, zipArchive } from "./test-archives";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const chartYaml =
  "apiVersion: v2\nname: podinfo\nversion: 6.7.1\ndescription: Podinfo Helm chart\ntype: application\n";
const chartFiles = [
  { name: "podinfo/Chart.yaml", content: chartYaml },
  { name: "podinfo/values.yaml", content: "replicaCount: 1\n" },
  {
    name: "podinfo/templates/deployment.yaml",
    content: "kind: Deployment\nreplicas: {{ .Values.replicaCount }}\n",
  },
];

describe("detectSourceFormat", () => {
  it("recognises a Meshery design in YAML and in JSON, and Meshery's legacy v1alpha2 designs", async () => {
    const design = fixture("meshery-exported-design.yaml");
    expect(await detectSourceFormat(design)).toBe("meshery-design");
    const { parse } = await import("yaml");
    expect(await detectSourceFormat(JSON.stringify(parse(design)), "design.json")).toBe("meshery-design");
    const legacy =
      "name: old\nservices:\n  web:\n    type: Deployment\n    apiVersion: apps/v1\n    settings: {}\n";
    expect(await detectSourceFormat(legacy)).toBe("meshery-design");
  });

  it("recognises Kubernetes manifests, multi-document, JSON or a List", async () => {
    expect(await detectSourceFormat(fixture("three-tier.yaml"))).toBe("kubernetes-manifests");
    expect(await detectSourceFormat('{"apiVersion":"v1","kind":"List","items":[]}')).toBe(
      "kubernetes-manifests",
    );
    expect(
      await detectSourceFormat("---\n# leading empty document\n---\napiVersion: v1\nkind: Namespace\n"),
    ).toBe("kubernetes-manifests");
  });

  it("recognises Compose files by their services, or by their file name", async () => {
    expect(await detectSourceFormat(fixture("shop-compose.yaml"))).toBe("docker-compose");
    expect(await detectSourceFormat("services:\n  web: { image: nginx }\n")).toBe("docker-compose");
    expect(await detectSourceFormat("version: '3'\n", "docker-compose.yml")).toBe("docker-compose");
    expect(await detectSourceFormat("volumes: {}\n", "compose.prod.yaml")).toBe("docker-compose");
  });

  it("recognises a Helm chart as a .tgz, a plain tar, a Chart.yaml or a template", async () => {
    const tgz = await gzipped(tarArchive(chartFiles));
    expect(await detectSourceFormat(tgz, "podinfo-6.7.1.tgz")).toBe("helm-chart");
    expect(await detectSourceFormat(tarArchive(chartFiles))).toBe("helm-chart");
    expect(await detectSourceFormat(chartYaml)).toBe("helm-chart");
    expect(await detectSourceFormat("anything: at all\n", "charts/podinfo/Chart.yaml")).toBe("helm-chart");
    expect(
      await detectSourceFormat('replicas: {{ .Values.replicaCount }}\nimage: {{ include "x" . }}:\n'),
    ).toBe("helm-chart");
  });

  it("recognises a kustomization as a file, by its apiVersion or keys, or inside a tar or zip", async () => {
    const kustomization = "resources:\n  - deployment.yaml\nnamePrefix: dev-\n";
    expect(await detectSourceFormat(kustomization)).toBe("kustomization");
    expect(
      await detectSourceFormat("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"),
    ).toBe("kustomization");
    expect(await detectSourceFormat("{}", "overlays/dev/kustomization.yaml")).toBe("kustomization");
    const files = [
      { name: "base/kustomization.yaml", content: kustomization },
      { name: "base/deployment.yaml", content: "kind: Deployment\n" },
    ];
    expect(await detectSourceFormat(zipArchive(files), "base.zip")).toBe("kustomization");
    expect(await detectSourceFormat(await gzipped(tarArchive(files)))).toBe("kustomization");
  });

  it("reads UTF-8 bytes as text, byte order mark included", async () => {
    const bytes = new TextEncoder().encode("\uFEFFservices:\n  web: { image: nginx }\n");
    expect(await detectSourceFormat(bytes)).toBe("docker-compose");
  });

  it("says why it cannot place binary data, other archives, invalid YAML or unrelated YAML", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0x00]);
    expect((await classifySource(png)).reason?.message).toMatch(/^the file is binary data/);
    expect(await detectSourceFormat("a\u0000b")).toBe("unknown");
    const other = await gzipped(tarArchive([{ name: "notes/readme.txt", content: "hello" }]));
    expect(await classifySource(other)).toEqual({
      format: "unknown",
      reason: { message: "the archive holds neither a Helm chart (Chart.yaml) nor a kustomization" },
    });
    const gzippedText = await gzipped(new TextEncoder().encode("services: {}\n"));
    expect((await classifySource(gzippedText)).reason?.message).toBe(
      "the file is compressed data, but not a tar or zip archive",
    );
    expect((await classifySource("key: [unclosed\n")).reason).toMatchObject({
      message: expect.stringMatching(/^the file is not valid YAML or JSON: /),
    });
    expect((await classifySource("greeting: hello\n")).reason?.message).toBe(
      "the file is not a Meshery design, Kubernetes manifests or a Docker Compose file",
    );
    expect((await classifySource("")).reason?.message).toBe("the file is empty");
    expect((await classifySource(`# ${"x".repeat(6 * 1024 * 1024)}`)).reason?.message).toBe(
      "the file is larger than 5 MB",
    );
  });

  it("bounds a gzip bomb: a huge archive of zeros is inflated only in part", async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = await gzipped(zeros);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await detectSourceFormat(bomb)).toBe("unknown");
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

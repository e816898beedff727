import { describe, expect, it } from "vitest";
import { importKubernetesManifests, MAX_MANIFEST_BYTES } from "./import";

const errorsOf = (text: string) => {
  const result = importKubernetesManifests(text);
  if (result.ok) throw new Error("expected the import to fail");
  return result.errors;
};

describe("importKubernetesManifests on hostile input", () => {
  it("names the document and line of invalid YAML", () => {
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: b\n";
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ document: 2, line: 8 });
    expect(error?.message).toMatch(/^Tabs are not allowed as indentation/);
  });

  it("names the document and line of a resource without kind", () => {
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# no kind\napiVersion: v1\nmetadata: {name: b}\n";
    expect(errorsOf(text)).toEqual([{ document: 2, line: 6, message: "kind is missing" }]);
  });

  it("refuses an alias bomb quickly instead of expanding it", () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    const started = performance.now();
    const [error] = errorsOf(`${levels.join("\n")}\n`);
    expect(error?.message).toMatch(/alias/i);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses input over the size limit without parsing it", () => {
    const big = `# ${"x".repeat(MAX_MANIFEST_BYTES)}\n`;
    expect(errorsOf(big)).toEqual([{ message: "the manifests are larger than 5 MB" }]);
  });

  it("refuses binary data", () => {
    const binary = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00);
    expect(errorsOf(binary)).toEqual([{ message: "the input is binary data, not YAML or JSON" }]);
  });

  it("refuses a document that is a scalar or a list", () => {
    expect(errorsOf("just a sentence\n")[0]?.message).toMatch(/must be a mapping/);
    expect(errorsOf("- a\n- b\n")[0]?.message).toMatch(/must be a mapping/);
  });

  it("refuses a resource defined twice", () => {
    const doc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n";
    expect(errorsOf(`${doc}---\n${doc}`)).toEqual([
      { document: 2, line: 5, message: "v1/ConfigMap/x/a is defined twice (first in document 1)" },
    ]);
  });

  it("refuses duplicate keys, empty input and resources without a name", () => {
    expect(errorsOf("apiVersion: v1\napiVersion: v2\n")[0]?.line).toBe(2);
    expect(errorsOf("")).toEqual([{ message: "the input holds no Kubernetes resources" }]);
    expect(errorsOf("apiVersion: v1\nkind: Pod\nmetadata: {}\n")[0]?.message).toBe(
      "Pod has no metadata.name",
    );
  });

  it("reads JSON, since JSON is YAML", () => {
    const result = importKubernetesManifests(
      '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n"}}',
    );
    expect(result.ok).toBe(true);
  });
});

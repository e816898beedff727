import { describe, expect, it } from "vitest";
import { RegistryInputError } from "../definitions";
import { certManagerModel } from "./model-archives.testing";
import { importModelJson } from "./model-json";

function refusal(run: () => unknown): RegistryInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof RegistryInputError) return error;
    throw error;
  }
  throw new Error("the import was accepted");
}

const exported = () => {
  const { model, certificate, issuer, relationship } = certManagerModel();
  return { ...model, components: [certificate, issuer], relationships: [relationship] };
};

describe("importing a model from Meshery JSON", () => {
  it("normalizes a model definition with its components and relationships", () => {
    const bundle = importModelJson(JSON.stringify(exported()), { fileName: "cert-manager.json" });
    expect(bundle.model).toMatchObject({
      name: "cert-manager",
      version: "v1.0.0",
      displayName: "cert-manager",
      category: "Security & Compliance",
      subCategory: "Key Management",
      status: "enabled",
      metadata: {
        description: "X.509 certificate management for Kubernetes",
        model: { version: "v1.16.1" },
        registrant: { kind: "artifacthub", name: "Artifact Hub" },
        primaryColor: "#0b70aa",
      },
    });
    expect(bundle.components.map((c) => `${c.apiVersion} ${c.kind}`)).toEqual([
      "cert-manager.io/v1 Certificate",
      "cert-manager.io/v1 Issuer",
    ]);
    const [certificate] = bundle.components;
    // Meshery keeps the schema as a JSON string; the registry stores it as an object.
    expect(certificate?.schema).toEqual({
      type: "object",
      properties: { spec: { type: "object", required: ["secretName", "issuerRef"] } },
    });
    expect(certificate?.metadata).toMatchObject({
      isNamespaced: true,
      group: "cert-manager.io",
      version: "v1",
    });
    expect(bundle.relationships).toEqual([
      expect.objectContaining({ kind: "edge", type: "non-binding", subType: "reference", status: "enabled" }),
    ]);
    expect(bundle.relationships[0]?.selectors).toEqual(certManagerModel().relationship.selectors);
  });

  it("accepts { model, components, relationships } and a registry listing of one model", () => {
    const { model, certificate, issuer, relationship } = certManagerModel();
    const wrapped = importModelJson(
      JSON.stringify({ model, components: [certificate, issuer], relationships: [relationship] }),
    );
    const listed = importModelJson(JSON.stringify({ page: 0, total_count: 1, models: [exported()] }));
    const direct = importModelJson(JSON.stringify(exported()));
    expect(wrapped).toEqual(direct);
    expect(listed).toEqual(direct);
  });

  it("takes bytes with a byte order mark as well as text", () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(exported())}`);
    expect(importModelJson(bytes).components).toHaveLength(2);
  });
});

describe("refusing bad model JSON", () => {
  it("names the file when the JSON is malformed", () => {
    const error = refusal(() => importModelJson('{"name": "cert-manager",', { fileName: "broken.json" }));
    expect(error.message).toMatch(/^broken\.json: is not valid JSON/);
    expect(error.file).toBe("broken.json");
  });

  it("names the component and field of a wrong shape", () => {
    const document = exported();
    document.components[1] = {
      ...document.components[1],
      component: { version: "cert-manager.io/v1" },
    } as never;
    const error = refusal(() => importModelJson(JSON.stringify(document), { fileName: "m.json" }));
    expect(error.message).toMatch(
      /^m\.json components\[1\]: is not a Meshery component definition: component\.kind: /,
    );
  });

  it("refuses two components of the same kind and apiVersion, naming both", () => {
    const document = exported();
    document.components.push(structuredClone(document.components[0] as object) as never);
    const error = refusal(() => importModelJson(JSON.stringify(document), { fileName: "m.json" }));
    expect(error.message).toBe(
      "m.json components[2]: duplicates cert-manager.io/v1 Certificate, already defined by m.json components[0]",
    );
  });

  it("refuses a component that belongs to another model", () => {
    const document = exported();
    (document.components[0] as { model: { name: string } }).model = { name: "istio" };
    expect(refusal(() => importModelJson(JSON.stringify(document))).message).toMatch(
      /components\[0\]: belongs to model "istio", not to "cert-manager"/,
    );
  });

  it.each([
    ["a model name Meshery would refuse", { name: "Cert Manager" }, /name: must be lowercase/],
    ["an unknown model status", { status: "maintenance" }, /status: /],
    [
      "a relationship of an unknown kind",
      { relationships: [{ kind: "graph" }] },
      /relationships\[0\]: .*kind: /,
    ],
    ["components that are not a list", { components: { Certificate: {} } }, /components is not a list/],
  ])("refuses %s", (_, change, message) => {
    const document = { ...exported(), ...change };
    expect(refusal(() => importModelJson(JSON.stringify(document))).message).toMatch(message);
  });

  it("refuses component schemas that are not JSON objects, and CUE schemas", () => {
    const document = exported();
    const [certificate, issuer] = document.components as { component: { schema: string }; format: string }[];
    if (!certificate || !issuer) throw new Error("fixture changed");
    certificate.component.schema = "{ not json";
    expect(refusal(() => importModelJson(JSON.stringify(document))).message).toMatch(
      /components\[0\]: component\.schema is not valid JSON/,
    );
    certificate.component.schema = "[]";
    expect(refusal(() => importModelJson(JSON.stringify(document))).message).toMatch(/not a JSON object/);
    certificate.component.schema = "";
    issuer.format = "CUE";
    expect(refusal(() => importModelJson(JSON.stringify(document))).message).toMatch(
      /components\[1\]: has a CUE schema/,
    );
  });

  it("refuses documents that are not a model, or hold several", () => {
    expect(refusal(() => importModelJson("[1, 2]")).message).toMatch(/is not a JSON object/);
    expect(refusal(() => importModelJson('{"kind": "Deployment"}')).message).toMatch(
      /neither a Meshery model/,
    );
    expect(
      refusal(() => importModelJson(JSON.stringify({ models: [exported(), exported()] }))).message,
    ).toMatch(/lists 2 models; import one at a time/);
  });

  it("refuses JSON over the size limit and bytes that are not UTF-8", () => {
    const text = JSON.stringify(exported());
    expect(refusal(() => importModelJson(text, { limits: { maxInputBytes: 100 } })).message).toMatch(
      /is larger than/,
    );
    expect(refusal(() => importModelJson(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).message).toMatch(
      /not UTF-8/,
    );
  });
});

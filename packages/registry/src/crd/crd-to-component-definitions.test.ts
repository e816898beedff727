import { Validator } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";
import { RegistryInputError } from "../definitions";
import { crdToComponentDefinitions, modelNameOfGroup } from "./crd-to-component-definitions";

const certificateSchema = (extra: Record<string, unknown> = {}) => ({
  description:
    "A Certificate resource should be created to ensure an up to date and signed X.509 certificate.",
  type: "object",
  required: ["spec"],
  properties: {
    apiVersion: { type: "string" },
    kind: { type: "string" },
    metadata: { type: "object" },
    spec: {
      type: "object",
      required: ["secretName", "issuerRef"],
      properties: {
        secretName: { type: "string" },
        dnsNames: { type: "array", items: { type: "string" } },
        duration: { type: "string" },
        issuerRef: {
          type: "object",
          required: ["name"],
          properties: { name: { type: "string" }, kind: { type: "string" }, group: { type: "string" } },
        },
        ...extra,
      },
    },
    status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
  },
});

// Shaped like cert-manager's: a stable storage version, a deprecated beta still served, an old alpha switched off.
function certificateCrd(): Record<string, unknown> & {
  spec: Record<string, unknown> & { versions: unknown[] };
} {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "certificates.cert-manager.io", labels: { app: "cert-manager" } },
    spec: {
      group: "cert-manager.io",
      names: {
        kind: "Certificate",
        listKind: "CertificateList",
        plural: "certificates",
        singular: "certificate",
        shortNames: ["cert", "certs"],
        categories: ["cert-manager"],
      },
      scope: "Namespaced",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            { name: "Ready", type: "string", jsonPath: ".status.conditions[0].status" },
          ],
          schema: { openAPIV3Schema: certificateSchema({ privateKey: { type: "object" } }) },
        },
        {
          name: "v1beta1",
          served: true,
          storage: false,
          deprecated: true,
          deprecationWarning: "cert-manager.io/v1beta1 Certificate is deprecated; use cert-manager.io/v1",
          schema: { openAPIV3Schema: certificateSchema({ keyAlgorithm: { type: "string" } }) },
        },
        { name: "v1alpha2", served: false, storage: false },
      ],
    },
  };
}

function refusal(crd: unknown): RegistryInputError {
  try {
    crdToComponentDefinitions(crd);
  } catch (error) {
    if (error instanceof RegistryInputError) return error;
    throw error;
  }
  throw new Error("the CRD was accepted");
}

describe("turning a CustomResourceDefinition into component definitions", () => {
  it("makes one component per served version, with its own schema", () => {
    const components = crdToComponentDefinitions(certificateCrd());
    expect(components.map((c) => c.apiVersion)).toEqual(["cert-manager.io/v1", "cert-manager.io/v1beta1"]);
    const [stable, beta] = components;
    expect(stable).toMatchObject({
      kind: "Certificate",
      group: "cert-manager.io",
      version: "v1",
      plural: "certificates",
      scope: "Namespaced",
      modelName: "cert-manager-io",
      displayName: "Certificate",
      metadata: { isNamespaced: true, storage: true, source: "crd", crdName: "certificates.cert-manager.io" },
    });
    expect(stable?.schema).toEqual(certificateSchema({ privateKey: { type: "object" } }));
    expect(beta?.schema).toEqual(certificateSchema({ keyAlgorithm: { type: "string" } }));
    expect(beta?.metadata).toMatchObject({
      deprecated: true,
      deprecationWarning: expect.stringMatching(/use/),
    });
    expect(stable?.metadata).not.toHaveProperty("deprecated");
    expect(stable?.metadata.description).toMatch(/X\.509/);
  });

  it("keeps the scope of a cluster-wide resource", () => {
    const crd = certificateCrd();
    crd.metadata = { name: "clusterissuers.cert-manager.io" };
    Object.assign(crd.spec, { scope: "Cluster", names: { kind: "ClusterIssuer", plural: "clusterissuers" } });
    const [issuer] = crdToComponentDefinitions(crd);
    expect(issuer).toMatchObject({ scope: "Cluster", kind: "ClusterIssuer", displayName: "Cluster Issuer" });
    expect(issuer?.metadata.isNamespaced).toBe(false);
  });

  it("gives a schema that validates real custom resources", () => {
    const [stable] = crdToComponentDefinitions(certificateCrd());
    const validator = new Validator(stable?.schema as never, "2020-12", false);
    const certificate = {
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: "shop", namespace: "shop" },
      spec: { secretName: "shop-tls", dnsNames: ["shop.example.com"], issuerRef: { name: "letsencrypt" } },
    };
    expect(validator.validate(certificate).errors).toEqual([]);
    const broken = validator.validate({ ...certificate, spec: { secretName: "shop-tls" } });
    expect(broken.errors.map((e) => e.instanceLocation)).toContain("#/spec");
  });

  it("derives model names Meshery accepts from groups", () => {
    expect(modelNameOfGroup("cert-manager.io")).toBe("cert-manager-io");
    expect(modelNameOfGroup("networking.istio.io")).toMatch(/^[a-z0-9-]+$/);
  });
});

describe("refusing malformed CustomResourceDefinitions", () => {
  it.each([
    ["a string", "certificates", /not a valid CustomResourceDefinition/],
    ["null", null, /not a valid CustomResourceDefinition/],
  ])("refuses %s", (_, input, message) => {
    expect(refusal(input).message).toMatch(message);
  });

  it("explains that apiextensions.k8s.io/v1beta1 CRDs must be converted", () => {
    const error = refusal({ ...certificateCrd(), apiVersion: "apiextensions.k8s.io/v1beta1" });
    expect(error.message).toMatch(/^CustomResourceDefinition certificates\.cert-manager\.io: /);
    expect(error.message).toMatch(/apiVersion: .*no longer served.*convert/);
  });

  it("names the missing field", () => {
    const crd = certificateCrd();
    crd.spec.names = { kind: "Certificate" };
    expect(refusal(crd).message).toMatch(/spec\.names\.plural: /);
  });

  it("names the version whose name is not a DNS label", () => {
    const crd = certificateCrd();
    crd.spec.versions[1] = { name: "V1Beta1", served: true, storage: false };
    expect(refusal(crd).message).toMatch(/spec\.versions\[1\]\.name: must be a DNS-1035 label/);
  });

  it("refuses a served version without a schema", () => {
    const crd = certificateCrd();
    crd.spec.versions[2] = { name: "v1alpha2", served: true, storage: false };
    expect(refusal(crd).message).toMatch(
      /spec\.versions\[2\]\.schema\.openAPIV3Schema: a served version needs/,
    );
  });

  it("refuses two storage versions and a name that is not <plural>.<group>", () => {
    const crd = certificateCrd();
    crd.spec.versions[1] = { ...(crd.spec.versions[1] as object), storage: true };
    crd.metadata = { name: "certs.example.com" };
    const message = refusal(crd).message;
    expect(message).toMatch(/exactly one version must be the storage version/);
    expect(message).toMatch(/metadata\.name: must be <plural>\.<group>, "certificates\.cert-manager\.io"/);
  });

  it("refuses a scope other than Namespaced or Cluster", () => {
    const crd = certificateCrd();
    crd.spec.scope = "Global";
    expect(refusal(crd).message).toMatch(/spec\.scope: /);
  });
});

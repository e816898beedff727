import { readFileSync } from "node:fs";
import { Validator } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { kubernetesKindSchema, kubernetesKinds } from "./kubernetes-model";

type Manifest = { apiVersion: string; kind: string; metadata?: { name?: string }; items?: Manifest[] };

function validatorFor(apiVersion: string, kind: string): Validator {
  const found = kubernetesKinds().find((k) => k.apiVersion === apiVersion && k.kind === kind);
  if (!found) throw new Error(`${apiVersion} ${kind} is not in the model`);
  return new Validator(kubernetesKindSchema(found) as never, "2020-12", false);
}

// The design package's three-tier shop: real manifests with ingress, storage, RBAC and a List.
const threeTier: Manifest[] = parseAllDocuments(
  readFileSync(new URL("../../../design/src/fixtures/three-tier.yaml", import.meta.url), "utf8"),
)
  .map((document) => document.toJSON() as Manifest)
  .flatMap((manifest) => (manifest.kind === "List" ? (manifest.items ?? []) : [manifest]));

const deployment = threeTier.find((m) => m.kind === "Deployment") as Manifest & {
  spec: { replicas: unknown; template: { spec: { containers: Record<string, unknown>[] } } };
};

function withChange(change: (copy: typeof deployment) => void): typeof deployment {
  const copy = structuredClone(deployment);
  change(copy);
  return copy;
}

describe("validating manifests against the generated schemas", () => {
  it("accepts every object of the three-tier shop, a real Deployment among them", () => {
    expect(deployment.metadata?.name).toBe("web");
    expect(threeTier.length).toBeGreaterThan(10);
    for (const manifest of threeTier) {
      const result = validatorFor(manifest.apiVersion, manifest.kind).validate(manifest);
      expect(result.errors, `${manifest.kind}/${manifest.metadata?.name}`).toEqual([]);
    }
  });

  it("points at the field when a Deployment's replicas is not an integer", () => {
    const result = validatorFor("apps/v1", "Deployment").validate(
      withChange((d) => (d.spec.replicas = "three")),
    );
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.instanceLocation)).toContain("#/spec/replicas");
  });

  it("points at the container that lacks its required name", () => {
    const invalid = withChange((d) => delete d.spec.template.spec.containers[0]?.name);
    const result = validatorFor("apps/v1", "Deployment").validate(invalid);
    const missing = result.errors.find((e) => e.keyword === "required");
    expect(missing?.instanceLocation).toBe("#/spec/template/spec/containers/0");
    expect(missing?.error).toMatch(/name/);
  });

  it("rejects a manifest of another apiVersion against this kind's schema", () => {
    const result = validatorFor("apps/v1", "Deployment").validate({
      ...deployment,
      apiVersion: "apps/v1beta2",
    });
    expect(result.errors.map((e) => e.instanceLocation)).toContain("#/apiVersion");
  });

  it("takes quantities as strings or numbers, and ports as numbers or names, but nothing else", () => {
    const validator = validatorFor("apps/v1", "Deployment");
    const container = (resources: unknown, port: unknown) =>
      withChange((d) => {
        d.spec.template.spec.containers[0] = {
          name: "web",
          resources,
          readinessProbe: { httpGet: { path: "/", port } },
        };
      });
    expect(validator.validate(container({ limits: { cpu: 1, memory: "1.5Gi" } }, 8080)).errors).toEqual([]);
    expect(validator.validate(container({ requests: { cpu: "500m" } }, "http")).errors).toEqual([]);
    const bad = validator.validate(container({ limits: { cpu: "lots" } }, true));
    const locations = bad.errors.map((e) => e.instanceLocation);
    expect(locations).toContain("#/spec/template/spec/containers/0/resources/limits/cpu");
    expect(locations).toContain("#/spec/template/spec/containers/0/readinessProbe/httpGet/port");
  });
});

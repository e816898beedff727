// What happens to relationships a design already holds: stale ones go, requested ones are made to hold.
import { describe, expect, it } from "vitest";
import type { Design, Relationship } from "../format/schema";
import { importKubernetesManifests } from "../kubernetes/import";
import { builtInRelationshipDefinitions } from "./built-in-definitions";
import { evaluateRelationships } from "./evaluate";
import { componentByName, fixtureDesign, relationshipLines } from "./fixtures/designs";
import { anatomyOf } from "./instances";

const definitions = builtInRelationshipDefinitions();

function evaluated(fixture: "three-tier" | "payments"): Design {
  return structuredClone(evaluateRelationships(fixtureDesign(fixture), definitions).design);
}

/** The relationship of a class between two components named "Kind/name". */
function relationshipBetween(
  design: Design,
  className: string,
  fromName: string,
  toName: string,
): Relationship {
  const names = new Map(design.components.map((c) => [c.id, `${c.component.kind}/${c.displayName}`]));
  const found = design.relationships.find((r) => {
    const anatomy = anatomyOf(r);
    return (
      anatomy.className === className &&
      names.get(anatomy.fromIds[0] ?? "") === fromName &&
      names.get(anatomy.toIds[0] ?? "") === toName
    );
  });
  if (!found) throw new Error(`no ${className} ${fromName} -> ${toName}`);
  return found;
}

/** A copy of a relationship, retargeted and pending: what a user drawing an edge would send. */
function requested(relationship: Relationship, id: string, toId: string): Relationship {
  const request = structuredClone(relationship);
  request.id = id;
  request.status = "pending";
  const set = (request.selectors ?? [])[0] as { allow: { to: { id: string }[] } } | undefined;
  const target = set?.allow.to[0];
  if (!target) throw new Error("fixture");
  target.id = toId;
  return request;
}

describe("validation of the relationships a design already has", () => {
  it("removes the relationships of a component that is gone, with its alias node, and says why", () => {
    const design = evaluated("three-tier");
    const web = componentByName(design, "Deployment", "web");
    design.components = design.components.filter((c) => c.id !== web.id);
    const result = evaluateRelationships(design, definitions);
    const gone = result.trace.relationshipsRemoved.map((r) => anatomyOf(r).className).sort();
    expect(gone).toEqual([
      "edge-non-binding-network",
      "edge-non-binding-reference",
      "hierarchical-parent-alias",
      "hierarchical-parent-inventory",
    ]);
    expect(result.trace.componentsRemoved.map((c) => `${c.component.kind}/${c.displayName}`)).toEqual([
      "Container/web",
    ]);
    const reasons = result.trace.reasons
      .filter((r) => r.change === "relationshipRemoved")
      .map((r) => r.reason);
    expect(reasons.every((r) => r.includes(`no longer in the design: ${web.id}`))).toBe(true);
    expect(relationshipLines(result.design).some((l) => l.includes("Deployment/web"))).toBe(false);
  });

  it("removes a relationship whose configuration stopped matching", () => {
    const design = evaluated("three-tier");
    const service = componentByName(design, "Service", "web");
    (service.configuration.spec as { selector: unknown }).selector = { app: "storefront" };
    const result = evaluateRelationships(design, definitions);
    expect(result.trace.relationshipsRemoved.map((r) => anatomyOf(r).className)).toEqual([
      "edge-non-binding-network",
    ]);
    expect(result.trace.reasons[0]?.reason).toBe(
      "edge-non-binding-network relationship no longer holds: the components' configuration does not match it",
    );
    expect(relationshipLines(result.design)).not.toContain(
      "edge-non-binding-network Service/web -> Deployment/web",
    );
  });

  it("removes duplicates and relationships marked deleted, keeping what no definition speaks for", () => {
    const design = evaluated("three-tier");
    const network = relationshipBetween(design, "edge-non-binding-network", "Service/web", "Deployment/web");
    const twin = { ...structuredClone(network), id: "11111111-1111-4111-8111-111111111111" };
    const annotation: Relationship = {
      ...structuredClone(network),
      id: "22222222-2222-4222-8222-222222222222",
      kind: "edge",
      type: "annotation",
      subType: "line",
    };
    const deleted = {
      ...structuredClone(annotation),
      id: "33333333-3333-4333-8333-333333333333",
      status: "deleted",
    };
    design.relationships.push(twin, annotation, deleted);
    const result = evaluateRelationships(design, definitions);
    const removed = result.trace.reasons.filter((r) => r.change === "relationshipRemoved");
    expect(removed.map((r) => r.id).sort()).toEqual([twin.id, deleted.id].sort());
    expect(removed.find((r) => r.id === twin.id)?.reason).toBe(
      `edge-non-binding-network relationship duplicates ${network.id}`,
    );
    expect(result.design.relationships.map((r) => r.id)).toContain(annotation.id);
    expect(result.design.relationships.map((r) => r.id)).toContain(network.id);
  });

  it("removes alias nodes whose container left the pod template", () => {
    const design = evaluated("payments");
    const checkout = componentByName(design, "Deployment", "checkout");
    const podSpec = (checkout.configuration.spec as { template: { spec: { containers: unknown[] } } })
      .template.spec;
    podSpec.containers = podSpec.containers.slice(0, 1);
    const result = evaluateRelationships(design, definitions);
    expect(result.trace.componentsRemoved.map((c) => c.displayName)).toEqual(["metrics"]);
    expect(Object.values(result.design.metadata?.resolvedAliases ?? {})).toHaveLength(3);
  });
});

describe("requested (pending) relationships", () => {
  it("moves a Deployment into the Namespace it was placed in, and drops what that breaks", () => {
    const staging = importKubernetesManifests(
      "apiVersion: v1\nkind: Namespace\nmetadata: { name: staging }\n",
      {
        newId: () => "44444444-4444-4444-8444-444444444444",
      },
    );
    if (!staging.ok) throw new Error("fixture");
    const design = evaluated("three-tier");
    design.components.push(...staging.design.components);
    const inventory = relationshipBetween(
      design,
      "hierarchical-parent-inventory",
      "Deployment/web",
      "Namespace/shop",
    );
    const request = requested(
      inventory,
      "55555555-5555-4555-8555-555555555555",
      "44444444-4444-4444-8444-444444444444",
    );
    design.relationships.push(request);

    const result = evaluateRelationships(design, definitions);
    const web = componentByName(result.design, "Deployment", "web");
    expect(web.configuration.metadata).toMatchObject({ namespace: "staging" });
    expect(result.actions).toContainEqual({
      op: "update_component_configuration",
      value: { id: web.id, path: ["metadata", "namespace"], value: "staging", mode: "replace" },
    });
    const lines = relationshipLines(result.design).filter((l) => l.includes("Deployment/web"));
    expect(lines).toEqual([
      "hierarchical-parent-alias Container/web -> Deployment/web",
      "hierarchical-parent-inventory Deployment/web -> Namespace/staging",
    ]);
    expect(result.design.relationships.find((r) => r.id === request.id)?.status).toBe("approved");
    expect(result.converged).toBe(true);
  });

  it("removes a request that no patch can satisfy", () => {
    const design = evaluated("three-tier");
    const reference = relationshipBetween(
      design,
      "edge-non-binding-reference",
      "ConfigMap/shop-config",
      "Deployment/web",
    );
    const api = componentByName(design, "Deployment", "api");
    const request = requested(reference, "66666666-6666-4666-8666-666666666666", api.id);
    design.relationships.push(request);
    const result = evaluateRelationships(design, definitions);
    expect(result.trace.reasons.find((r) => r.id === request.id)?.reason).toBe(
      "edge-non-binding-reference relationship was requested, but its components cannot be made to match",
    );
    expect(result.trace.componentsUpdated).toEqual([]);
  });
});

describe("scope", () => {
  it("leaves a class alone when the design's preferences switch its layer off", () => {
    const design = fixtureDesign("payments");
    design.preferences = { layers: { relationships: { "edge-sibling-matchLabels": false } } };
    const result = evaluateRelationships(design, definitions);
    expect(relationshipLines(result.design).some((l) => l.startsWith("edge-sibling"))).toBe(false);
    expect(relationshipLines(result.design).some((l) => l.startsWith("edge-non-binding-network"))).toBe(true);
  });

  it("evaluates nothing for a design whose models no definition belongs to", () => {
    const design = fixtureDesign("three-tier");
    for (const component of design.components)
      component.model = { ...component.model, name: "not-kubernetes" };
    const result = evaluateRelationships(design, definitions);
    expect(result.actions).toEqual([]);
  });
});

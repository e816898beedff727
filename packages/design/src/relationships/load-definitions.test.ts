// Loading definitions: the built-ins, a data-only extension, and the mistakes the loader refuses.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importKubernetesManifests } from "../kubernetes/import";
import { builtInRelationshipDefinitions } from "./built-in-definitions";
import { evaluateRelationships } from "./evaluate";
import { counterIds, relationshipLines } from "./fixtures/designs";
import { parseRelationshipDefinitions } from "./load-definitions";

const KUBERNETES = { id: "a1f3c2d4-6b8e-4c0a-9f1e-5d7b3a9c2e44", name: "kubernetes" };

// An autoscaler scales the workload its scaleTargetRef names: a relationship no built-in definition knows.
const autoscalerDefinition = {
  id: "0b6f3f3e-2a49-4c1e-9d55-8f2f6a0c9e01",
  schemaVersion: "relationships.meshery.io/v1beta2",
  version: "v1.0.0",
  kind: "edge",
  type: "non-binding",
  subType: "scaling",
  metadata: { description: "An autoscaler scales the workload it targets." },
  model: KUBERNETES,
  selectors: [
    {
      allow: {
        from: [
          {
            kind: "HorizontalPodAutoscaler",
            model: { name: "kubernetes" },
            patch: {
              patchStrategy: "copy",
              mutatedRef: [
                ["configuration", "spec", "scaleTargetRef", "kind"],
                ["configuration", "spec", "scaleTargetRef", "name"],
                ["configuration", "metadata", "namespace"],
              ],
            },
          },
        ],
        to: [
          {
            kind: "*",
            model: { name: "kubernetes" },
            patch: {
              patchStrategy: "copy",
              mutatorRef: [
                ["component", "kind"],
                ["displayName"],
                ["configuration", "metadata", "namespace"],
              ],
            },
          },
        ],
      },
    },
  ],
};

describe("parseRelationshipDefinitions", () => {
  it("accepts every built-in definition file, one definition per file", () => {
    const files = readdirSync(new URL("./definitions", import.meta.url)).filter((f) => f.endsWith(".json"));
    const definitions = builtInRelationshipDefinitions();
    expect(definitions).toHaveLength(files.length);
    expect(new Set(definitions.map((d) => `${d.kind}-${d.type}-${d.subType}`))).toEqual(
      new Set([
        "hierarchical-parent-inventory",
        "hierarchical-parent-alias",
        "edge-non-binding-network",
        "edge-non-binding-reference",
        "edge-binding-permission",
        "edge-binding-firewall",
        "edge-sibling-matchLabels",
      ]),
    );
    expect(Object.isFrozen(definitions[0]?.selectors[0]?.allow)).toBe(true);
  });

  it("drives the engine from data alone: a new definition relates new kinds without code", () => {
    const parsed = parseRelationshipDefinitions([autoscalerDefinition]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const manifests = `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }, maxReplicas: 5 }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web, namespace: shop }
`;
    const imported = importKubernetesManifests(manifests, { newId: counterIds() });
    if (!imported.ok) throw new Error("fixture");
    const { design } = evaluateRelationships(imported.design, parsed.definitions);
    expect(relationshipLines(design)).toEqual([
      "edge-non-binding-scaling HorizontalPodAutoscaler/web -> Deployment/web",
    ]);
  });

  it("refuses a definition whose refs point the wrong way, which Meshery would skip silently", () => {
    const swapped = structuredClone(autoscalerDefinition);
    const from = swapped.selectors[0]?.allow.from[0] as { patch: Record<string, unknown> } | undefined;
    if (!from) throw new Error("fixture");
    from.patch = { patchStrategy: "copy", mutatorRef: from.patch.mutatedRef };
    const result = parseRelationshipDefinitions([swapped], ["hpa.json"]);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          source: "hpa.json",
          path: "selectors.0",
          message:
            "HorizontalPodAutoscaler → *: one side needs patch.mutatorRef, the other as many patch.mutatedRef paths",
        },
      ],
    });
  });

  it("refuses unknown match strategies, duplicate ids and bindings without a self side", () => {
    const unknownStrategy = structuredClone(autoscalerDefinition) as Record<string, unknown>;
    const selectors = unknownStrategy.selectors as { allow: { from: Record<string, unknown>[] } }[];
    (selectors[0]?.allow.from[0] as Record<string, unknown>).matchStrategyMatrix = [["regex"]];
    const binding = {
      ...structuredClone(autoscalerDefinition),
      id: "0b6f3f3e-2a49-4c1e-9d55-8f2f6a0c9e02",
      type: "binding",
    };
    const result = parseRelationshipDefinitions([
      unknownStrategy,
      autoscalerDefinition,
      autoscalerDefinition,
      binding,
    ]);
    if (result.ok) throw new Error("expected issues");
    expect(result.issues.map((i) => `${i.source} ${i.path}: ${i.message.split(":")[0]}`)).toEqual([
      "#0 selectors.0.allow.from.0.matchStrategyMatrix.0.0: Invalid option",
      `#2 id: ${autoscalerDefinition.id} is also the id of #1`,
      "#3 selectors.0: HorizontalPodAutoscaler → *",
    ]);
  });
});

// The synthetic designs the benchmark runs on: the right size, and every policy exercised.
import { describe, expect, it } from "vitest";
import { parseDesign } from "../format/schema";
import { builtInRelationshipDefinitions } from "./built-in-definitions";
import { evaluateRelationships } from "./evaluate";
import { relationshipLines } from "./fixtures/designs";
import { syntheticDesign } from "./synthetic-design";

describe("syntheticDesign", () => {
  it("has exactly the number of components asked for, each valid", () => {
    for (const size of [1, 24, 100, 250]) {
      const design = syntheticDesign(size);
      expect(design.components).toHaveLength(size);
      expect(parseDesign(design).ok).toBe(true);
    }
  });

  it("gives the engine every kind of relationship to find, and Namespaces to add", () => {
    const result = evaluateRelationships(syntheticDesign(250), builtInRelationshipDefinitions());
    const classes = new Set(relationshipLines(result.design).map((line) => line.split(" ")[0]));
    expect([...classes].sort()).toEqual([
      "edge-binding-firewall",
      "edge-binding-permission",
      "edge-non-binding-network",
      "edge-non-binding-reference",
      "edge-sibling-matchLabels",
      "hierarchical-parent-alias",
      "hierarchical-parent-inventory",
    ]);
    const addedNamespaces = result.trace.componentsAdded.filter((c) => c.component.kind === "Namespace");
    expect(addedNamespaces.map((c) => c.displayName)).toEqual(["team-4", "team-9"]);
    expect(result.converged).toBe(true);
  });
});

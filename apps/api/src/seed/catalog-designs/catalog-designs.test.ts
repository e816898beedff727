import {
  builtInRelationshipDefinitions,
  evaluateRelationships,
  exportKubernetesManifests,
  importKubernetesManifests,
} from "@meshplane/design";
import { describe, expect, it } from "vitest";
import { catalogTypes } from "../../routes/catalog/schema";
import { catalogDesigns } from "./index";

const definitions = builtInRelationshipDefinitions();

describe("the seeded catalog designs", () => {
  it("has at least fifteen designs with unique slugs and names and complete catalog fields", () => {
    expect(catalogDesigns.length).toBeGreaterThanOrEqual(15);
    expect(new Set(catalogDesigns.map((d) => d.slug)).size).toBe(catalogDesigns.length);
    expect(new Set(catalogDesigns.map((d) => d.name)).size).toBe(catalogDesigns.length);
    for (const design of catalogDesigns) {
      expect(catalogTypes).toContain(design.type);
      expect(design.description.length).toBeGreaterThanOrEqual(80);
      expect(design.caveats.length).toBeGreaterThan(10);
    }
  });

  it.each(catalogDesigns.map((d) => [d.slug, d] as const))(
    "%s imports cleanly, has relationships and round-trips",
    (_, seed) => {
      const imported = importKubernetesManifests(seed.manifests, { name: seed.name });
      if (!imported.ok) throw new Error(imported.errors.map((e) => e.message).join("; "));
      expect(imported.warnings).toEqual([]);
      const evaluated = evaluateRelationships(imported.design, definitions);
      expect(evaluated.converged).toBe(true);
      // Beyond Namespace membership, every design has at least one relationship between its own parts.
      const between = evaluated.design.relationships.filter(
        (r) => r.kind !== "hierarchical" || r.subType !== "inventory",
      );
      expect(between.length).toBeGreaterThan(0);
      const again = importKubernetesManifests(exportKubernetesManifests(imported.design), {
        name: seed.name,
      });
      if (!again.ok) throw new Error("the export does not import");
      expect(again.design.components.map((c) => c.configuration).sort(byName)).toEqual(
        imported.design.components.map((c) => c.configuration).sort(byName),
      );
    },
  );
});

function byName(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

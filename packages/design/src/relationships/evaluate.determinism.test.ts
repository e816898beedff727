// Determinism and idempotence: same input, same bytes and hash; evaluating the output again changes nothing.
import { describe, expect, it } from "vitest";
import type { Design } from "../format/schema";
import { builtInRelationshipDefinitions } from "./built-in-definitions";
import { evaluateRelationships } from "./evaluate";
import { componentByName, fixtureDesign } from "./fixtures/designs";

const definitions = builtInRelationshipDefinitions();

// A seeded shuffle: the test must fail the same way every time it fails.
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function withKeysReversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withKeysReversed);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, withKeysReversed(v)]),
  );
}

describe("evaluateRelationships is deterministic", () => {
  it("gives byte-identical results for the same input", () => {
    const first = evaluateRelationships(fixtureDesign("payments"), definitions);
    const second = evaluateRelationships(fixtureDesign("payments"), definitions);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("ignores the order of components and relationships, whatever the seed", () => {
    const reference = evaluateRelationships(fixtureDesign("three-tier"), definitions);
    for (const seed of [1, 7, 42]) {
      const design = fixtureDesign("three-tier");
      const result = evaluateRelationships(
        { ...design, components: shuffled(design.components, seed) },
        definitions,
      );
      expect(result.hash).toBe(reference.hash);
      expect(JSON.stringify(result)).toBe(JSON.stringify(reference));

      const evaluated = reference.design;
      const reordered: Design = {
        ...evaluated,
        components: shuffled(evaluated.components, seed),
        relationships: shuffled(evaluated.relationships, seed + 1),
      };
      const again = evaluateRelationships(reordered, definitions);
      expect(JSON.stringify(again.design)).toBe(JSON.stringify(evaluated));
    }
  });

  it("hashes content, not the order of keys in objects", () => {
    const design = fixtureDesign("three-tier");
    const reference = evaluateRelationships(design, definitions);
    const rekeyed = evaluateRelationships(withKeysReversed(design) as Design, definitions);
    expect(rekeyed.hash).toBe(reference.hash);
  });

  it("changes the hash when the content changes", () => {
    const design = fixtureDesign("three-tier");
    const reference = evaluateRelationships(design, definitions);
    componentByName(design, "ConfigMap", "shop-config").configuration.data = { API_URL: "http://elsewhere" };
    expect(evaluateRelationships(design, definitions).hash).not.toBe(reference.hash);
  });

  it("derives relationship and component ids from content, never from chance", () => {
    const result = evaluateRelationships(fixtureDesign("three-tier"), definitions);
    const ids = [
      ...result.design.relationships.map((r) => r.id),
      ...result.trace.componentsAdded.map((c) => c.id),
    ];
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("evaluateRelationships is idempotent", () => {
  for (const fixture of ["three-tier", "payments"] as const) {
    it(`changes nothing when it evaluates its own output (${fixture})`, () => {
      const first = evaluateRelationships(fixtureDesign(fixture), definitions);
      const second = evaluateRelationships(first.design, definitions);
      expect(second.actions).toEqual([]);
      expect(second.trace.reasons).toEqual([]);
      expect(second.iterations).toBe(1);
      expect(second.design.version).toBe(first.design.version);
      expect(JSON.stringify(second.design)).toBe(JSON.stringify(first.design));
      expect(second.hash).toBe(first.hash);
    });
  }

  it("does not touch the design it was given", () => {
    const design = fixtureDesign("three-tier");
    const before = JSON.stringify(design);
    evaluateRelationships(design, definitions);
    expect(JSON.stringify(design)).toBe(before);
  });
});

// What the engine emits must still be a design Meshery accepts: checked against its published PatternFile schema.
import { Validator } from "@cfworker/json-schema";
import designSchemaDocument from "@meshery/schemas/constructs/v1beta3/design/DesignSchema";
import { describe, expect, it } from "vitest";
import { builtInRelationshipDefinitions } from "./built-in-definitions";
import { evaluateRelationships } from "./evaluate";
import { fixtureDesign } from "./fixtures/designs";

const published = (designSchemaDocument as { components: { schemas: { PatternFile: object } } }).components
  .schemas.PatternFile;
// As in format/conformance.test.ts: the bundle repeats $ids and its version pattern refuses the versions
// Meshery Server itself writes ("relationships.meshery.io/v1beta2"), so both are adapted before use.
const PUBLISHED_VERSION_PATTERN = "^([a-z][a-z0-9.-]*\\/)?v(alpha|beta|[0-9]+)([.-][a-z0-9]+)*$";
const SERVER_VERSION_PATTERN = "^([a-z][a-z0-9.-]*\\/)?v[0-9]+((alpha|beta)[0-9]+)?([.-][a-z0-9]+)*$";

function adapted(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapted);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== "$id")
      .map(([k, v]) => [
        k,
        k === "pattern" && v === PUBLISHED_VERSION_PATTERN ? SERVER_VERSION_PATTERN : adapted(v),
      ]),
  );
}

const validator = new Validator(adapted(published) as object, "7", false);

describe("evaluated designs conform to Meshery's PatternFile schema", () => {
  for (const fixture of ["three-tier", "payments"] as const) {
    it(`validates the evaluated ${fixture} design, relationships and added components included`, () => {
      const { design } = evaluateRelationships(fixtureDesign(fixture), builtInRelationshipDefinitions());
      const errors = validator
        .validate(JSON.parse(JSON.stringify(design)))
        .errors.map((e) => `${e.instanceLocation}: ${e.error}`);
      expect(errors).toEqual([]);
      expect(design.relationships.length).toBeGreaterThan(20);
    });
  }

  it("would notice a relationship Meshery refuses", () => {
    const { design } = evaluateRelationships(fixtureDesign("three-tier"), builtInRelationshipDefinitions());
    const broken = JSON.parse(JSON.stringify(design));
    broken.relationships[0].kind = "diagonal";
    expect(validator.validate(broken).valid).toBe(false);
  });
});

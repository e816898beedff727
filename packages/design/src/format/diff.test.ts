import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importKubernetesManifests } from "../kubernetes/import";
import { diffDesigns, diffValues } from "./diff";

const fixture = readFileSync(new URL("../fixtures/three-tier.yaml", import.meta.url), "utf8");

function imported() {
  let n = 0;
  const result = importKubernetesManifests(fixture, { name: "three-tier", newId: () => `id-${++n}` });
  if (!result.ok) throw new Error("fixture failed to import");
  return result.design;
}

describe("diffDesigns", () => {
  it("finds nothing between a design and itself", () => {
    expect(diffDesigns(imported(), imported()).unchanged).toBe(true);
  });

  it("reports added and removed components and the exact fields changed", () => {
    const before = imported();
    const after = structuredClone(before);
    const [first, second] = after.components;
    if (!first || !second) throw new Error("fixture too small");
    (first.configuration as { metadata: { labels?: Record<string, string> } }).metadata.labels = {
      tier: "edge",
    };
    after.components = after.components.filter((c) => c.id !== second.id);
    after.components.push({ ...structuredClone(second), id: "brand-new", displayName: "cache" });
    after.name = "three-tier v2";
    const diff = diffDesigns(before, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.name).toEqual({ before: "three-tier", after: "three-tier v2" });
    expect(diff.components.removed.map((c) => c.id)).toEqual([second.id]);
    expect(diff.components.added).toEqual([{ id: "brand-new", kind: second.component.kind, name: "cache" }]);
    expect(diff.components.changed).toHaveLength(1);
    expect(diff.components.changed[0]?.fields.map((f) => f.path)).toContain(
      "configuration.metadata.labels.tier",
    );
  });

  it("walks arrays by index and keeps absent sides absent", () => {
    expect(diffValues({ a: [1, 2] }, { a: [1, 3, 4] })).toEqual([
      { path: "a[1]", before: 2, after: 3 },
      { path: "a[2]", after: 4 },
    ]);
  });
});

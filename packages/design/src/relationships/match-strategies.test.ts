// The equal strategy's holds compares values directly; it must agree with the keys the index files them under.
import { describe, expect, it } from "vitest";
import { matchStrategy } from "./match-strategies";

const equal = matchStrategy("equal");
const samples: unknown[] = ["", "a", "1", 1, 0, -0, Number.NaN, true, false, null, undefined, {}, ["a"]];

describe("the equal strategy", () => {
  it("holds exactly when a mutator key is among the mutated keys", () => {
    for (const mutator of samples) {
      for (const mutated of samples) {
        const byKeys = equal.lookupKeys([mutator]).some((key) => equal.indexKeys([mutated]).includes(key));
        expect(equal.holds([mutator], [mutated]), `${String(mutator)} ~ ${String(mutated)}`).toBe(byKeys);
      }
    }
  });

  it("keeps the string and the number apart, and never matches empty strings", () => {
    expect(equal.holds(["1"], [1])).toBe(false);
    expect(equal.holds([""], [""])).toBe(false);
    expect(equal.holds(["x", "web"], ["db", "web"])).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { type Delta, judge } from "./performance-compare";

/** A delta against a baseline of `base`, as the API computes it. */
const delta = (value: number, base: number): Delta => ({
  absolute: value - base,
  percent: base === 0 ? null : ((value - base) / base) * 100,
});

describe("judging deltas", () => {
  it("are better when latency falls or throughput rises, and the same within the tolerance", () => {
    expect(judge("p99", delta(90, 100))).toBe("better");
    expect(judge("p99", delta(120, 100))).toBe("worse");
    expect(judge("rps", delta(120, 100))).toBe("better");
    expect(judge("rps", delta(80, 100))).toBe("worse");
    expect(judge("p99", delta(101, 100))).toBe("same");
    expect(judge("errorRate", delta(0.01, 0))).toBe("worse");
    expect(judge("errorRate", delta(0, 0))).toBe("same");
    expect(judge("p99", { absolute: null, percent: null })).toBe("unknown");
    expect(judge("p99", undefined)).toBe("unknown");
  });
});

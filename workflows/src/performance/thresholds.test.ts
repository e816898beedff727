import { describe, expect, it } from "vitest";
import { evaluateThresholds, parseThreshold, ThresholdError } from "./thresholds";

const metrics = {
  percentiles: { "50": 12, "90": 40, "99": 180, "99.9": 900 },
  avg: 20,
  min: 1,
  max: 1200,
  errorRate: 0.004,
  rps: 850,
};

describe("k6-style thresholds", () => {
  it("parses percentiles, aggregates, error rate and throughput", () => {
    expect(parseThreshold("p(99)<250")).toEqual({
      expression: "p(99)<250",
      metric: "p(99)",
      operator: "<",
      limit: 250,
    });
    expect(parseThreshold(" p(99.9) <= 1000 ").metric).toBe("p(99.9)");
    expect(parseThreshold("med<15").metric).toBe("p(50)");
    expect(parseThreshold("error_rate<0.01").limit).toBe(0.01);
  });

  it("decides pass and fail on a result, and fails a percentile that was not measured", () => {
    const outcomes = evaluateThresholds(
      ["p(99)<250", "p(99.9)<500", "avg<=20", "error_rate<0.01", "rps>1000", "p(75)<100"].map(parseThreshold),
      metrics,
    );
    expect(outcomes.map((o) => [o.expression, o.actual, o.passed])).toEqual([
      ["p(99)<250", 180, true],
      ["p(99.9)<500", 900, false],
      ["avg<=20", 20, true],
      ["error_rate<0.01", 0.004, true],
      ["rps>1000", 850, false],
      ["p(75)<100", null, false],
    ]);
  });

  it.each(["p(99)", "p99<250", "p(100)<5", "latency<5", "p(99)<abc", "rps>>5", "p(0)<1", ""])(
    "refuses %j with a message that shows the grammar",
    (expression) => {
      expect(() => parseThreshold(expression)).toThrow(ThresholdError);
    },
  );
});

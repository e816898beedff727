// Pass/fail rules in k6's style (`p(99)<250`, `avg<=120`, `error_rate<0.01`, `rps>500`), parsed once and evaluated on a result.

export type Metrics = {
  /** Latency percentiles in milliseconds, keyed by percentile ("50", "99", "99.9"). */
  percentiles: Record<string, number>;
  avg: number;
  min: number;
  max: number;
  /** Failed requests (errors and statuses >= 400) over all requests, 0 to 1. */
  errorRate: number;
  rps: number;
};

export type Threshold = { expression: string; metric: string; operator: Operator; limit: number };
export type ThresholdOutcome = Threshold & { actual: number | null; passed: boolean };
type Operator = "<" | "<=" | ">" | ">=" | "==";

const GRAMMAR =
  /^\s*(p\((\d{1,2}(?:\.\d{1,3})?)\)|avg|min|max|med|error_rate|rps)\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

export class ThresholdError extends Error {
  override name = "ThresholdError";
}

export function parseThreshold(expression: string): Threshold {
  const match = GRAMMAR.exec(expression);
  if (!match) {
    throw new ThresholdError(
      `"${expression}" is not a threshold: use p(N), avg, min, max, med, error_rate or rps, an operator (<, <=, >, >=, ==) and a number, e.g. p(99)<250`,
    );
  }
  const [, name = "", percentile, operator, limit] = match;
  if (percentile !== undefined && (Number(percentile) <= 0 || Number(percentile) >= 100)) {
    throw new ThresholdError(`"${expression}": the percentile must be between 0 and 100`);
  }
  const metric = percentile !== undefined ? `p(${Number(percentile)})` : name === "med" ? "p(50)" : name;
  return { expression: expression.trim(), metric, operator: operator as Operator, limit: Number(limit) };
}

export function parseThresholds(expressions: readonly string[]): Threshold[] {
  return expressions.map(parseThreshold);
}

function measured(metric: string, metrics: Metrics): number | null {
  const percentile = /^p\((.+)\)$/.exec(metric)?.[1];
  if (percentile !== undefined) return metrics.percentiles[percentile] ?? null;
  if (metric === "error_rate") return metrics.errorRate;
  if (metric === "avg" || metric === "min" || metric === "max" || metric === "rps") return metrics[metric];
  return null;
}

const compare: Record<Operator, (a: number, b: number) => boolean> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "==": (a, b) => a === b,
};

/** Each threshold with the measured value; a percentile the run did not measure fails rather than passes. */
export function evaluateThresholds(thresholds: readonly Threshold[], metrics: Metrics): ThresholdOutcome[] {
  return thresholds.map((threshold) => {
    const actual = measured(threshold.metric, metrics);
    return {
      ...threshold,
      actual,
      passed: actual !== null && compare[threshold.operator](actual, threshold.limit),
    };
  });
}

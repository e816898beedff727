// The named ways a mutator value can match a mutated value, as definitions reference them in matchStrategyMatrix.

export const MATCH_STRATEGY_NAMES = ["equal", "labelSelector"] as const;
export type MatchStrategyName = (typeof MATCH_STRATEGY_NAMES)[number];

/**
 * Every strategy can answer from hash lookups: `indexKeys` are the keys a mutated value is filed under,
 * `lookupKeys` the keys a mutator value must find among them. A shared key is necessary, `holds` decides.
 */
export type MatchStrategy = {
  indexKeys(mutatedValues: readonly unknown[]): string[];
  lookupKeys(mutatorValues: readonly unknown[]): string[];
  holds(mutatorValues: readonly unknown[], mutatedValues: readonly unknown[]): boolean;
};

// Typed prefixes keep the string "1" and the number 1 apart.
function scalarKey(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return value === "" ? undefined : `s:${value}`;
    case "number":
      return `n:${value}`;
    case "boolean":
      return `b:${value}`;
    default:
      return undefined;
  }
}

function scalarKeys(values: readonly unknown[]): string[] {
  const keys: string[] = [];
  for (const value of values) {
    const key = scalarKey(value);
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Whether two values have the same scalarKey, without building the keys: holds runs once per candidate pair. */
function sameScalar(a: unknown, b: unknown): boolean {
  switch (typeof a) {
    case "string":
      return a !== "" && a === b;
    case "number":
      // String(NaN) is the key of every NaN, so NaN matches NaN here as its key does.
      return typeof b === "number" && (a === b || (Number.isNaN(a) && Number.isNaN(b)));
    case "boolean":
      return a === b;
    default:
      return false;
  }
}

const equal: MatchStrategy = {
  indexKeys: scalarKeys,
  lookupKeys: scalarKeys,
  holds(mutatorValues, mutatedValues) {
    for (const mutator of mutatorValues)
      for (const mutated of mutatedValues) if (sameScalar(mutator, mutated)) return true;
    return false;
  },
};

type Labels = Record<string, string>;

function labelMaps(values: readonly unknown[]): Labels[] {
  return values.filter(
    (value): value is Labels =>
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === "string"),
  );
}

const labelKey = (name: string, value: string) => `${name}=${value}`;

/** A selector (mutator) picks labels (mutated) that hold all of its pairs; an empty selector picks nothing. */
const labelSelector: MatchStrategy = {
  indexKeys(mutatedValues) {
    return labelMaps(mutatedValues).flatMap((labels) =>
      Object.entries(labels).map(([k, v]) => labelKey(k, v)),
    );
  },
  lookupKeys(mutatorValues) {
    // Any one pair of a selector must be present, so the smallest is enough to find the candidates.
    return labelMaps(mutatorValues)
      .map((selector) => Object.entries(selector).map(([k, v]) => labelKey(k, v)))
      .filter((pairs) => pairs.length > 0)
      .map((pairs) => pairs.sort()[0] as string);
  },
  holds(mutatorValues, mutatedValues) {
    const selectors = labelMaps(mutatorValues).filter((s) => Object.keys(s).length > 0);
    const labelSets = labelMaps(mutatedValues);
    return selectors.some((selector) =>
      labelSets.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v)),
    );
  },
};

const strategies: Record<MatchStrategyName, MatchStrategy> = { equal, labelSelector };

export function matchStrategy(name: MatchStrategyName | undefined): MatchStrategy {
  return strategies[name ?? "equal"];
}

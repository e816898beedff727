// Cross-checked against the load generator itself: its histogram, serialised as the API stores it.
import { Histogram, serializeHistogram } from "@meshplane/loadgen";
import { describe, expect, it } from "vitest";
import {
  bucketBounds,
  cumulativePercents,
  decodeHistogram,
  logBins,
  valueAtPercentileUs,
} from "./performance-histogram";

function stored(values: number[]): string {
  const histogram = new Histogram();
  for (const value of values) histogram.record(value);
  return JSON.stringify(serializeHistogram(histogram));
}

describe("the serialised histogram", () => {
  it("decodes to the same percentiles as the generator's own histogram", () => {
    // Latencies from 80 µs to several seconds, with a long tail, as a stalled server gives.
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const values = Array.from({ length: 20_000 }, () => Math.round(80 + 400 * random() ** 6 * 10_000));
    const histogram = new Histogram();
    for (const value of values) histogram.record(value);
    const decoded = decodeHistogram(JSON.stringify(serializeHistogram(histogram)));
    if (!decoded) throw new Error("did not decode");
    expect(decoded.total).toBe(20_000);
    for (const percentile of [0, 50, 75, 90, 95, 99, 99.9, 99.99, 100]) {
      expect(valueAtPercentileUs(decoded, percentile)).toBe(histogram.valueAtPercentile(percentile));
    }
    expect(decoded.buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(20_000);
  });

  it("places values exactly below 2048 µs and within 1/1024 above", () => {
    expect(bucketBounds(5)).toEqual({ low: 5, high: 5 });
    expect(bucketBounds(2047)).toEqual({ low: 2047, high: 2047 });
    expect(bucketBounds(2048)).toEqual({ low: 2048, high: 2049 });
    const decoded = decodeHistogram(stored([1_000_000]));
    const bucket = decoded?.buckets[0];
    expect(bucket?.low).toBeLessThanOrEqual(1_000_000);
    expect(bucket?.high).toBeGreaterThanOrEqual(1_000_000);
    expect(((bucket?.high ?? 0) - (bucket?.low ?? 0) + 1) / 1_000_000).toBeLessThan(1 / 1000);
  });

  it("refuses what is not a whole serialised histogram", () => {
    expect(decodeHistogram(null)).toBeNull();
    expect(decodeHistogram("not json")).toBeNull();
    expect(decodeHistogram(JSON.stringify({ format: "other", counts: "" }))).toBeNull();
    const good = JSON.parse(stored([100, 200, 300])) as { total: number; counts: string };
    expect(decodeHistogram(JSON.stringify({ ...good, total: 4 }))).toBeNull();
    expect(decodeHistogram(JSON.stringify({ ...good, counts: "%%%" }))).toBeNull();
    // A number whose continuation bit promises a byte that never comes.
    expect(decodeHistogram(JSON.stringify({ ...good, counts: btoa(String.fromCharCode(0x81)) }))).toBeNull();
  });
});

describe("bins for the chart", () => {
  it("spans the fastest to the slowest value on log-spaced edges, ending at 100 %", () => {
    const decoded = decodeHistogram(stored([100, 100, 150, 1_000, 10_000, 100_000]));
    if (!decoded) throw new Error("did not decode");
    const bins = logBins(decoded, 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]?.lowMs).toBeCloseTo(0.1, 6);
    expect(bins.at(-1)?.highMs).toBeCloseTo(100.001, 6);
    // Log spacing: every bin is the same ratio wide.
    const ratios = bins.map((bin) => bin.highMs / bin.lowMs);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0] ?? 0, 6);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(6);
    // The first bin runs from 100 µs to about 200 µs: it holds 100, 100 and 150.
    expect(bins[0]?.count).toBe(3);
    expect(bins[0]?.cumulativePercent).toBe(50);
    expect(bins.at(-1)?.cumulativePercent).toBe(100);
  });

  it("draws one bar when every request took the same time, and none when there were none", () => {
    const one = decodeHistogram(stored([500, 500, 500]));
    if (!one) throw new Error("did not decode");
    const bins = logBins(one, 40);
    expect(bins).toHaveLength(1);
    expect(bins[0]).toMatchObject({ count: 3, cumulativePercent: 100 });
    const empty = decodeHistogram(stored([]));
    expect(empty && logBins(empty)).toEqual([]);
  });

  it("accumulates percentages that never pass 100 and reach it exactly", () => {
    const thirds = cumulativePercents([1, 1, 1]);
    expect(thirds[0]).toBeCloseTo(33.333, 3);
    expect(thirds[1]).toBeCloseTo(66.667, 3);
    expect(thirds[2]).toBe(100);
    expect(cumulativePercents([0, 0])).toEqual([0, 0]);
    expect(cumulativePercents([0, 5, 0])).toEqual([0, 100, 100]);
  });
});

import { describe, expect, it } from "vitest";
import { deserializeHistogram, serializeHistogram } from "./codec";
import { Histogram } from "./histogram";

// A seeded generator (mulberry32), so every run checks the same 100,000 latencies.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function latencies(kind: "lognormal" | "uniform" | "bimodal", n = 100_000): number[] {
  const next = random(kind.length * 7919);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const one = {
    lognormal: () => Math.exp(Math.log(2_000) + 1.1 * normal()),
    uniform: () => 1 + next() * 2_000_000,
    bimodal: () => (next() < 0.97 ? 800 + 150 * normal() : 1_000_000 + 50_000 * normal()),
  }[kind];
  return Array.from({ length: n }, () => Math.max(1, Math.round(one())));
}

const PERCENTILES = [50, 75, 90, 95, 99, 99.9, 99.99];

describe("Histogram", () => {
  for (const kind of ["lognormal", "uniform", "bimodal"] as const) {
    it(`agrees with exact sorted ${kind} latencies to 0.1% at every percentile`, () => {
      const values = latencies(kind);
      const histogram = new Histogram();
      for (const value of values) histogram.record(value);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of PERCENTILES) {
        const exact = sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? 0;
        const measured = histogram.valueAtPercentile(p);
        expect(Math.abs(measured - exact) / exact, `p${p}: ${measured} vs ${exact}`).toBeLessThanOrEqual(
          0.001,
        );
      }
      expect(histogram.min).toBe(sorted[0]);
      expect(histogram.max).toBe(sorted.at(-1));
      expect(histogram.valueAtPercentile(100)).toBe(sorted.at(-1));
      expect(histogram.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 6);
    });
  }

  it("merges partial histograms into exactly the histogram of all values", () => {
    const values = latencies("bimodal");
    const whole = new Histogram();
    const parts = [new Histogram(), new Histogram(), new Histogram(), new Histogram()];
    values.forEach((value, i) => {
      whole.record(value);
      parts[i % 4]?.record(value);
    });
    const merged = parts.reduce((into, part) => into.merge(part), new Histogram());
    expect(serializeHistogram(merged)).toEqual(serializeHistogram(whole));
    for (const p of PERCENTILES) expect(merged.valueAtPercentile(p)).toBe(whole.valueAtPercentile(p));
  });

  it("serialises compactly and reads back exactly", () => {
    const histogram = new Histogram();
    for (const value of latencies("lognormal")) histogram.record(value);
    const serialized = serializeHistogram(histogram);
    expect(JSON.stringify(serialized).length).toBeLessThan(histogram.counts.length);
    const back = deserializeHistogram(JSON.parse(JSON.stringify(serialized)));
    expect(Array.from(back.counts)).toEqual(Array.from(histogram.counts));
    expect([back.total, back.min, back.max, back.sum]).toEqual([
      histogram.total,
      histogram.min,
      histogram.max,
      histogram.sum,
    ]);
  });

  it("answers sensibly when empty or holding a single value", () => {
    const empty = new Histogram();
    expect([empty.valueAtPercentile(99), empty.mean, empty.stddev, empty.total]).toEqual([0, 0, 0, 0]);
    expect(deserializeHistogram(serializeHistogram(empty)).total).toBe(0);
    const one = new Histogram();
    one.record(123_456.4);
    expect([one.valueAtPercentile(1), one.valueAtPercentile(99.99), one.min, one.max]).toEqual([
      123_456, 123_456, 123_456, 123_456,
    ]);
  });

  it("refuses values it cannot hold and serialised data that does not add up", () => {
    const histogram = new Histogram(10_000);
    expect(() => histogram.record(-1)).toThrow(RangeError);
    expect(() => histogram.record(10_001)).toThrow(/from 0 to 10000/);
    expect(() => histogram.record(Number.NaN)).toThrow(RangeError);
    expect(() => new Histogram(10)).toThrow(RangeError);
    histogram.record(5);
    const serialized = { ...serializeHistogram(histogram), total: 2 };
    expect(() => deserializeHistogram(serialized)).toThrow(/do not add up/);
    expect(() => deserializeHistogram({ ...serialized, format: "other" } as never)).toThrow(TypeError);
    expect(() => new Histogram(10_000).merge(new Histogram(20_000))).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import {
  formatTick,
  linearScale,
  logScale,
  logTicks,
  niceDomain,
  niceTicks,
  percentileAt,
  tailPosition,
  tickStep,
} from "./scale";

describe("linear scales", () => {
  it("maps the domain's ends onto the range's, including a flipped range for y axes", () => {
    const y = linearScale([0, 200], [180, 20]);
    expect(y(0)).toBe(180);
    expect(y(200)).toBe(20);
    expect(y(50)).toBe(140);
  });
  it("puts a one-point domain in the middle instead of dividing by zero", () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});

describe("log scales", () => {
  it("gives each decade the same width", () => {
    const x = logScale([0.1, 1000], [0, 400]);
    expect(x(0.1)).toBeCloseTo(0, 9);
    expect(x(1)).toBeCloseTo(100, 9);
    expect(x(10)).toBeCloseTo(200, 9);
    expect(x(1000)).toBeCloseTo(400, 9);
  });
  it("draws zero and negative values at the low end", () => {
    const x = logScale([1, 100], [0, 200]);
    expect(x(0)).toBe(0);
    expect(x(-5)).toBe(0);
  });
});

describe("ticks", () => {
  it("steps by 1, 2 or 5 times a power of ten", () => {
    expect(tickStep(0, 100, 5)).toBe(20);
    expect(tickStep(0, 1, 5)).toBe(0.2);
    expect(tickStep(0, 37, 5)).toBe(10);
    expect(tickStep(0, 7, 7)).toBe(1);
    expect(tickStep(5, 5, 5)).toBe(0);
  });
  it("lists clean multiples inside the range", () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.3, 0.9, 3)).toEqual([0.4, 0.6, 0.8]);
    expect(niceTicks(13, 97, 4)).toEqual([20, 40, 60, 80]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });
  it("widens a domain to whole steps, and gives an empty one some height", () => {
    expect(niceDomain(0, 93, 5)).toEqual([0, 100]);
    expect(niceDomain(3, 47, 5)).toEqual([0, 50]);
    expect(niceDomain(0, 0)).toEqual([0, 1]);
  });
  it("marks powers of ten on log axes, with 2s and 5s when there are few decades", () => {
    expect(logTicks(0.1, 1000)).toEqual([0.1, 1, 10, 100, 1000]);
    expect(logTicks(0.3, 40)).toEqual([0.5, 1, 2, 5, 10, 20]);
    expect(logTicks(0, 10)).toEqual([]);
  });
  it("labels ticks briefly", () => {
    expect(formatTick(0.25)).toBe("0.25");
    expect(formatTick(1500)).toBe("1.5k");
    expect(formatTick(2_000_000)).toBe("2M");
    expect(formatTick(12)).toBe("12");
  });
});

describe("the tail-stretched percentile axis", () => {
  it("gives each extra nine the same width", () => {
    expect(tailPosition(90)).toBeCloseTo(1, 9);
    expect(tailPosition(99)).toBeCloseTo(2, 9);
    expect(tailPosition(99.9)).toBeCloseTo(3, 9);
    expect(tailPosition(99.99)).toBeCloseTo(4, 6);
    expect(tailPosition(50)).toBeCloseTo(Math.log10(2), 9);
  });
  it("reads the percentile back from a position", () => {
    for (const p of [50, 75, 90, 99, 99.9, 99.99]) expect(percentileAt(tailPosition(p))).toBe(p);
  });
});

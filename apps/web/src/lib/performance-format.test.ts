import { describe, expect, it } from "vitest";
import {
  durationMs,
  formatMetric,
  formatMs,
  formatPercent,
  formatRate,
  formatRunTime,
} from "./performance-format";

describe("how numbers are written", () => {
  it("gives latencies three significant digits, down to the microsecond", () => {
    expect(formatMs(0.0874)).toBe("0.087 ms");
    expect(formatMs(3.1659)).toBe("3.17 ms");
    expect(formatMs(48.75)).toBe("48.8 ms");
    expect(formatMs(1250.4)).toBe("1,250 ms");
    expect(formatMs(0)).toBe("0 ms");
    expect(formatMs(undefined)).toBe("—");
    expect(formatMs(Number.NaN)).toBe("—");
  });

  it("writes rates, error percentages and threshold values in their own units", () => {
    expect(formatRate(199.54)).toBe("200/s");
    expect(formatRate(12.34)).toBe("12.3/s");
    expect(formatPercent(0)).toBe("0.0 %");
    expect(formatPercent(0.0123)).toBe("1.23 %");
    expect(formatPercent(0.5)).toBe("50.0 %");
    expect(formatMetric("error_rate", 0.012345)).toBe("0.01235");
    expect(formatMetric("p(99)", 12.5)).toBe("12.5 ms");
    expect(formatMetric("p(99)", null)).toBe("not measured");
  });

  it("writes run times to the second, in UTC", () => {
    expect(formatRunTime("2026-12-06T17:21:16.022Z")).toBe("6 Dec 2026, 17:21:16 UTC");
    expect(formatRunTime("yesterday")).toBe("yesterday");
  });
});

describe("Go durations", () => {
  it("reads what profiles store, and nothing else", () => {
    expect(durationMs("30s")).toBe(30_000);
    expect(durationMs("1h30m")).toBe(5_400_000);
    expect(durationMs("500ms")).toBe(500);
    expect(durationMs("-5s")).toBeNull();
    expect(durationMs("30")).toBeNull();
    expect(durationMs("")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { durationSeconds, wholeSeconds } from "./durations";
import { cpuQuantity, memoryQuantity, storageQuantity } from "./quantities";

describe("durationSeconds", () => {
  it("reads Go durations with several units, and bare numbers as seconds", () => {
    expect(durationSeconds("1m30s")).toBe(90);
    expect(durationSeconds("1h2m3s")).toBe(3723);
    expect(durationSeconds("500ms")).toBe(0.5);
    expect(durationSeconds("1.5s")).toBe(1.5);
    expect(durationSeconds(12)).toBe(12);
    expect(durationSeconds("12")).toBe(12);
  });

  it("refuses what is not a duration", () => {
    for (const bad of ["", "10 s", "s", "1x", "1m 30s", "-5s", -1, null, {}]) {
      expect(durationSeconds(bad)).toBeUndefined();
    }
  });

  it("rounds up to whole seconds with a floor", () => {
    expect(wholeSeconds(0.5, 1)).toBe(1);
    expect(wholeSeconds(1.2, 1)).toBe(2);
    expect(wholeSeconds(0, 0)).toBe(0);
  });
});

describe("Compose quantities", () => {
  it("reads Docker byte sizes in binary units", () => {
    expect(memoryQuantity("512M")).toBe("512Mi");
    expect(memoryQuantity("1g")).toBe("1Gi");
    expect(memoryQuantity("1.5gb")).toBe("1536Mi");
    expect(memoryQuantity("100k")).toBe("100Ki");
    expect(memoryQuantity(1000)).toBe("1000");
    expect(memoryQuantity("lots")).toBeUndefined();
    expect(memoryQuantity(0)).toBeUndefined();
  });

  it("reads CPU counts as cores or millicores", () => {
    expect(cpuQuantity("0.5")).toBe("500m");
    expect(cpuQuantity(2)).toBe("2");
    expect(cpuQuantity("0")).toBeUndefined();
    expect(cpuQuantity("half")).toBeUndefined();
  });

  it("accepts only Kubernetes storage quantities for volume sizes", () => {
    expect(storageQuantity("10Gi")).toBe("10Gi");
    expect(storageQuantity("500M")).toBe("500M");
    expect(storageQuantity("10 GB")).toBeUndefined();
  });
});

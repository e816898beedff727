// Dates, page ranges and diff values as the design pages print them.
import { describe, expect, it } from "vitest";
import {
  designPath,
  formatChangedValue,
  formatDateTime,
  keyedTexts,
  pageCount,
  pageParam,
  pageRange,
} from "./designs-format";

describe("design page formats", () => {
  it("writes dates in UTC and leaves what is not a date alone", () => {
    expect(formatDateTime("2026-03-04T05:06:07.000Z")).toBe("4 Mar 2026, 05:06 UTC");
    expect(formatDateTime("yesterday")).toBe("yesterday");
  });

  it("counts pages and the range a page shows", () => {
    expect(pageRange(0, 20, 0)).toBe("0 of 0");
    expect(pageRange(0, 20, 57)).toBe("1–20 of 57");
    expect(pageRange(2, 20, 57)).toBe("41–57 of 57");
    expect(pageCount(20, 0)).toBe(1);
    expect(pageCount(20, 41)).toBe(3);
  });

  it("reads a page number from the query, falling back to the first page", () => {
    expect(pageParam("3")).toBe(3);
    for (const bad of [undefined, "", "-1", "1.5", "two"]) expect(pageParam(bad)).toBe(0);
  });

  it("prints changed values on one line, cut when long", () => {
    expect(formatChangedValue("nginx:1.27")).toBe("nginx:1.27");
    expect(formatChangedValue(3)).toBe("3");
    expect(formatChangedValue({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(formatChangedValue(undefined)).toBe("—");
    expect(formatChangedValue("x".repeat(300), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("keys repeated texts apart", () => {
    expect(keyedTexts(["a", "b", "a"]).map((item) => item.key)).toEqual(["1:a", "1:b", "2:a"]);
  });

  it("encodes a design id into its page path", () => {
    expect(designPath("a/b", "/history")).toBe("/designs/a%2Fb/history");
  });
});

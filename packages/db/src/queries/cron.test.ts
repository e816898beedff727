import { describe, expect, it } from "vitest";
import { CronError, nextCronRun, parseCron } from "./cron";

const at = (iso: string) => new Date(iso);
const next = (expression: string, after: string) => nextCronRun(expression, at(after))?.toISOString() ?? null;

describe("cron expressions", () => {
  it.each([
    ["* * * * *", "2026-12-06T17:01:30Z", "2026-12-06T17:02:00.000Z"],
    ["*/15 * * * *", "2026-12-06T17:01:00Z", "2026-12-06T17:15:00.000Z"],
    ["5/20 * * * *", "2026-12-06T17:26:00Z", "2026-12-06T17:45:00.000Z"],
    ["0 9 * * mon-fri", "2026-12-04T09:00:00Z", "2026-12-07T09:00:00.000Z"],
    ["30 2 1 * *", "2026-12-06T00:00:00Z", "2027-01-01T02:30:00.000Z"],
    ["0 0 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00.000Z"],
    ["0 12 * jan,JUL sun", "2026-12-06T00:00:00Z", "2027-01-03T12:00:00.000Z"],
    // Both day fields restricted: either one matches (the 13th, or any Friday).
    ["0 0 13 * 5", "2026-12-06T00:00:00Z", "2026-12-11T00:00:00.000Z"],
    ["0 0 * * 7", "2026-12-06T00:00:00Z", "2026-12-13T00:00:00.000Z"],
    ["@hourly", "2026-12-06T17:59:59Z", "2026-12-06T18:00:00.000Z"],
    ["1-3,58 * * * *", "2026-12-06T17:03:00Z", "2026-12-06T17:58:00.000Z"],
  ])("%s after %s runs at %s", (expression, after, expected) => {
    expect(next(expression, after)).toBe(expected);
  });

  it("always lands strictly after the given time, on a whole minute", () => {
    expect(next("* * * * *", "2026-12-06T17:02:00.000Z")).toBe("2026-12-06T17:03:00.000Z");
  });

  it.each([
    ["* * * *", /expected 5 fields .* got 4/],
    ["", /expected 5 fields .* got 0/],
    ["* * * * * *", /got 6/],
    ["60 * * * *", /^minute: 60 is out of range 0-59$/],
    ["0 24 * * *", /^hour: 24 is out of range 0-23$/],
    ["0 0 0 * *", /^day-of-month: 0 is out of range 1-31$/],
    ["0 0 * 13 *", /^month: 13 is out of range 1-12$/],
    ["0 0 * * 8", /^day-of-week: 8 is out of range 0-7$/],
    ["0 0 * * funday", /^day-of-week: "funday" is not a number or a name/],
    ["*/0 * * * *", /^minute: step 0 must be from 1 to 59$/],
    ["10-5 * * * *", /^minute: range 10-5 runs backwards$/],
    ["1-2-3 * * * *", /^minute: "1-2-3" is not a range$/],
    ["0 0 31 4 *", /never runs/],
    ["-1 * * * *", /^minute:/],
  ])("refuses %j naming the field", (expression, message) => {
    expect(() => parseCron(expression)).toThrow(CronError);
    expect(() => parseCron(expression)).toThrow(message);
  });
});

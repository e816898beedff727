import { describe, expect, it } from "vitest";
import { describeCron, explainCron, nextRuns, parseCron } from "./performance-cron";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const from = new Date("2026-12-06T17:04:31Z"); // a Sunday

describe("cron descriptions", () => {
  it.each([
    ["* * * * *", "Every minute (UTC)"],
    ["*/15 * * * *", "Every 15 minutes (UTC)"],
    ["5 * * * *", "At minute 5 of every hour (UTC)"],
    ["0 */2 * * *", "At minute 0 of every 2nd hour (UTC)"],
    ["30 2 * * 1-5", "At 02:30, on Monday to Friday (UTC)"],
    ["0 9,17 * * *", "At 09:00 and 17:00 (UTC)"],
    ["0 0 1,15 * *", "At 00:00, on day 1 and 15 of the month (UTC)"],
    ["0 12 * JAN,JUL SAT,SUN", "At 12:00, on Sunday and Saturday, in January and July (UTC)"],
    ["0 0 13 * 5", "At 00:00, on day 13 of the month or Friday (UTC)"],
    ["@daily", "At 00:00 (UTC)"],
  ])("says %s as “%s”", (expression, words) => {
    expect(describeCron(parseCron(expression))).toBe(words);
  });
});

describe("next runs", () => {
  it("steps minutes within the hour, starting after now", () => {
    expect(iso(nextRuns(parseCron("*/15 * * * *"), from, 3))).toEqual([
      "2026-12-06T17:15:00.000Z",
      "2026-12-06T17:30:00.000Z",
      "2026-12-06T17:45:00.000Z",
    ]);
  });

  it("skips the weekend for a weekday schedule", () => {
    expect(iso(nextRuns(parseCron("30 2 * * 1-5"), from, 2))).toEqual([
      "2026-12-07T02:30:00.000Z",
      "2026-12-08T02:30:00.000Z",
    ]);
  });

  it("fires on either day rule when both are given, and counts Sunday as 0 or 7", () => {
    // 13 December 2026 is a Sunday; 18 December a Friday.
    expect(iso(nextRuns(parseCron("0 0 13 * 5"), from, 3))).toEqual([
      "2026-12-11T00:00:00.000Z",
      "2026-12-13T00:00:00.000Z",
      "2026-12-18T00:00:00.000Z",
    ]);
    expect(nextRuns(parseCron("0 0 * * 7"), from, 1)[0]?.getUTCDay()).toBe(0);
  });

  it("finds a leap day years ahead, and nothing for a date that never comes", () => {
    expect(iso(nextRuns(parseCron("0 0 29 2 *"), from, 1))).toEqual(["2028-02-29T00:00:00.000Z"]);
    expect(nextRuns(parseCron("0 0 31 2 *"), from, 1)).toEqual([]);
  });
});

describe("bad expressions", () => {
  it.each([
    ["* * * *", /five fields/],
    ["60 * * * *", /"60" is not a minute/],
    ["* 24 * * *", /"24" is not an hour/],
    ["* * * FOO *", /"FOO" is not a month/],
    ["*/0 * * * *", /bad step/],
    ["10-5 * * * *", /runs backwards/],
    ["TZ=Europe/Paris 0 8 * * *", /run in UTC/],
  ])("explains what is wrong with %s", (expression, reason) => {
    const explained = explainCron(expression, from);
    expect("error" in explained && explained.error).toMatch(reason);
  });
});

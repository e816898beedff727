// Five-field cron expressions (minute hour day-of-month month day-of-week), as Inngest's cron triggers take
// them: parsed, said in words, and stepped forward to the next times they fire. Schedules run in UTC.

type Field = { name: string; min: number; max: number; names?: readonly string[] };

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 7, names: DAYS },
];

const SHORTCUTS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

/** One field: the values it allows, and whether it was written as `*` (which matters for the day rule). */
type Parsed = { values: number[]; any: boolean; text: string };
export type Cron = {
  minute: Parsed;
  hour: Parsed;
  dayOfMonth: Parsed;
  month: Parsed;
  dayOfWeek: Parsed;
};

export class CronError extends Error {
  override name = "CronError";
}

export function parseCron(expression: string): Cron {
  let text = expression.trim();
  if (/^(CRON_)?TZ=/.test(text)) throw new CronError("Schedules run in UTC: leave out the TZ= prefix");
  text = SHORTCUTS[text.toLowerCase()] ?? text;
  const parts = text.split(/\s+/).filter(Boolean);
  if (parts.length !== 5) {
    throw new CronError(
      `A cron expression has five fields (minute hour day-of-month month day-of-week); this one has ${parts.length}`,
    );
  }
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts.map((part, i) =>
    parseField(part, FIELDS[i] as Field),
  ) as [Parsed, Parsed, Parsed, Parsed, Parsed];
  // Sunday is both 0 and 7.
  dayOfWeek.values = [...new Set(dayOfWeek.values.map((day) => day % 7))].sort((a, b) => a - b);
  return { minute, hour, dayOfMonth, month, dayOfWeek };
}

function parseField(text: string, field: Field): Parsed {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    const [range = "", stepText] = item.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText)))
      throw new CronError(`"${item}" in the ${field.name} field has a bad step`);
    let low: number;
    let high: number;
    if (range === "*") {
      low = field.min;
      high = field.name === "day of week" ? 6 : field.max;
    } else {
      const [from = "", to] = range.split("-");
      low = fieldValue(from, field);
      high = to === undefined ? (stepText === undefined ? low : field.max) : fieldValue(to, field);
    }
    if (low > high) throw new CronError(`"${item}" in the ${field.name} field runs backwards`);
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return { values: [...values].sort((a, b) => a - b), any: text === "*", text };
}

function fieldValue(text: string, field: Field): number {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named >= 0 ? named + field.min : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < field.min || value > field.max) {
    throw new CronError(
      `"${text}" is not ${field.name === "hour" ? "an" : "a"} ${field.name}: use ${field.min}–${field.max}${field.names ? ` or ${field.names[0]}–${field.names.at(-1)}` : ""}`,
    );
  }
  return value;
}

/** The next `count` times after `from`. Gives up after eight years without a match (31 February). */
export function nextRuns(cron: Cron, from: Date, count = 5): Date[] {
  const after = Math.floor(from.getTime() / 60_000) * 60_000;
  const runs: Date[] = [];
  let day = Math.floor(after / 86_400_000) * 86_400_000;
  const lastDay = day + 8 * 366 * 86_400_000;
  while (runs.length < count && day <= lastDay) {
    if (dayMatches(cron, new Date(day))) {
      for (const hour of cron.hour.values) {
        for (const minute of cron.minute.values) {
          const instant = day + hour * 3_600_000 + minute * 60_000;
          if (instant > after && runs.length < count) runs.push(new Date(instant));
        }
      }
    }
    day += 86_400_000;
  }
  return runs;
}

// The classic rule: when both day fields are restricted, a day matching either one fires.
function dayMatches(cron: Cron, day: Date): boolean {
  if (!cron.month.values.includes(day.getUTCMonth() + 1)) return false;
  const byDate = cron.dayOfMonth.values.includes(day.getUTCDate());
  const byWeekday = cron.dayOfWeek.values.includes(day.getUTCDay());
  if (cron.dayOfMonth.any) return byWeekday;
  if (cron.dayOfWeek.any) return byDate;
  return byDate || byWeekday;
}

/** The schedule in words: "Every 15 minutes", "At 02:30, on Monday to Friday", "At 00:00, on day 1 of the month". */
export function describeCron(cron: Cron): string {
  return `${[timePart(cron), dayPart(cron), monthPart(cron)].filter(Boolean).join(", ")} (UTC)`;
}

function timePart({ minute, hour }: Cron): string {
  const clock = (h: number, m: number) => `${pad(h)}:${pad(m)}`;
  if (minute.any && hour.any) return "Every minute";
  const minuteStep = evenStep(minute, 0, 59);
  if (hour.any) {
    if (minuteStep) return `Every ${minuteStep} minutes`;
    if (minute.values.length === 1) return `At minute ${minute.values[0]} of every hour`;
    return `At minutes ${list(minute.values.map(String))} of every hour`;
  }
  const hourStep = evenStep(hour, 0, 23);
  if (minute.values.length === 1 && hourStep) {
    return `At minute ${minute.values[0]} of every ${hourStep === 1 ? "" : `${ordinal(hourStep)} `}hour`;
  }
  if (minute.any)
    return `Every minute during hour${hour.values.length > 1 ? "s" : ""} ${list(hour.values.map((h) => pad(h)))}`;
  if (minute.values.length * hour.values.length <= 6) {
    return `At ${list(hour.values.flatMap((h) => minute.values.map((m) => clock(h, m))))}`;
  }
  return `At minutes ${list(minute.values.map(String))} of hours ${list(hour.values.map((h) => pad(h)))}`;
}

function dayPart({ dayOfMonth, dayOfWeek }: Cron): string {
  const weekdays = dayOfWeek.any ? "" : `on ${runsOf(dayOfWeek.values, (d) => DAY_NAMES[d] ?? String(d))}`;
  const dates = dayOfMonth.any ? "" : `on day ${list(dayOfMonth.values.map(String))} of the month`;
  if (weekdays && dates) return `${dates} or ${weekdays.slice(3)}`;
  return weekdays || dates;
}

function monthPart({ month }: Cron): string {
  return month.any ? "" : `in ${runsOf(month.values, (m) => MONTH_NAMES[m - 1] ?? String(m))}`;
}

/** The step when a field is `*\/n` (or starts at its lowest value and steps evenly over the whole range). */
function evenStep(parsed: Parsed, min: number, max: number): number | null {
  const [first, second] = parsed.values;
  if (parsed.values.length < 2 || first !== min || second === undefined) return null;
  const step = second - first;
  const even = parsed.values.every((value, i) => value === min + i * step);
  return even && (parsed.values.at(-1) ?? 0) + step > max ? step : null;
}

/** Consecutive values written as ranges: Monday to Friday, January and July. */
function runsOf(values: number[], name: (value: number) => string): string {
  const groups: string[] = [];
  let i = 0;
  while (i < values.length) {
    let j = i;
    while (j + 1 < values.length && (values[j + 1] ?? 0) === (values[j] ?? 0) + 1) j++;
    const from = values[i] ?? 0;
    const to = values[j] ?? 0;
    if (j - i >= 2) groups.push(`${name(from)} to ${name(to)}`);
    else for (let k = i; k <= j; k++) groups.push(name(values[k] ?? 0));
    i = j + 1;
  }
  return list(groups);
}

function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function ordinal(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11
      ? "st"
      : n % 10 === 2 && n !== 12
        ? "nd"
        : n % 10 === 3 && n !== 13
          ? "rd"
          : "th";
  return `${n}${suffix}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** For the editor: the description and next runs, or the reason the expression is not one. */
export function explainCron(
  expression: string,
  from: Date,
  count = 5,
): { description: string; next: Date[] } | { error: string } {
  try {
    const cron = parseCron(expression);
    return { description: describeCron(cron), next: nextRuns(cron, from, count) };
  } catch (error) {
    if (error instanceof CronError) return { error: error.message };
    throw error;
  }
}

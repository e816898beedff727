// Five-field cron expressions (minute hour day-of-month month day-of-week, UTC): parsed once with errors that
// name the field, and the next minute they match. Lives beside the schedule queries, whose claim needs it.

export class CronError extends Error {
  override name = "CronError";
}

type Field = { name: string; min: number; max: number; names?: readonly string[] };

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  },
  // 7 is Sunday too, as in Vixie cron.
  { name: "day-of-week", min: 0, max: 7, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

export type Cron = {
  expression: string;
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Vixie cron: when both day fields are restricted, a day matching either one runs. */
  dayOrDay: boolean;
};

function fieldValue(text: string, field: Field): number {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  const value =
    named >= 0 ? named + (field.name === "month" ? 1 : 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value)) {
    const names = field.names ? ` or a name (${field.names.slice(0, 3).join(", ")}...)` : "";
    throw new CronError(`${field.name}: "${text}" is not a number${names}`);
  }
  if (value < field.min || value > field.max) {
    throw new CronError(`${field.name}: ${value} is out of range ${field.min}-${field.max}`);
  }
  return value;
}

function parseField(text: string, field: Field): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^([^/]+)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new CronError(`${field.name}: "${part}" is not a value, range or step`);
    const [, range = "", stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1 || step > field.max) {
      throw new CronError(`${field.name}: step ${stepText} must be from 1 to ${field.max}`);
    }
    let [from, to] = [field.min, field.max];
    if (range !== "*") {
      const bounds = range.split("-");
      if (bounds.length > 2) throw new CronError(`${field.name}: "${range}" is not a range`);
      from = fieldValue(bounds[0] ?? "", field);
      // "5/15" means from 5 to the end, every 15.
      to = bounds[1] !== undefined ? fieldValue(bounds[1], field) : stepText !== undefined ? field.max : from;
      if (to < from) throw new CronError(`${field.name}: range ${range} runs backwards`);
    }
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

export function parseCron(expression: string): Cron {
  const trimmed = expression.trim().replace(/\s+/g, " ");
  const expanded = MACROS[trimmed.toLowerCase()] ?? trimmed;
  const parts = expanded.split(" ");
  if (parts.length !== 5 || expanded === "") {
    throw new CronError(
      `expected 5 fields (minute hour day-of-month month day-of-week), got ${expanded === "" ? 0 : parts.length}`,
    );
  }
  const [minutes, hours, daysOfMonth, months, rawDaysOfWeek] = parts.map((part, index) =>
    parseField(part, FIELDS[index] as Field),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const daysOfWeek = new Set([...rawDaysOfWeek].map((day) => day % 7));
  const cron: Cron = {
    expression: trimmed,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOrDay: !parts[2]?.startsWith("*") && !parts[4]?.startsWith("*"),
  };
  if (nextCronRun(cron, new Date(Date.UTC(2000, 0, 1))) === null) {
    throw new CronError(`day-of-month: "${parts[2]}" never falls in month "${parts[3]}", so it never runs`);
  }
  return cron;
}

function dayMatches(cron: Cron, date: Date): boolean {
  const byMonth = cron.daysOfMonth.has(date.getUTCDate());
  const byWeek = cron.daysOfWeek.has(date.getUTCDay());
  return cron.dayOrDay ? byMonth || byWeek : byMonth && byWeek;
}

// Eight years of days covers every leap-day pattern; a cron matching nothing in it never matches.
const SEARCH_LIMIT_MS = 8 * 366 * 86_400_000;

/** The first whole minute strictly after `after` that the expression matches, in UTC; null if none ever does. */
export function nextCronRun(cron: Cron | string, after: Date): Date | null {
  const parsed = typeof cron === "string" ? parseCron(cron) : cron;
  const at = new Date(after.getTime());
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(at.getUTCMinutes() + 1);
  const limit = after.getTime() + SEARCH_LIMIT_MS;
  while (at.getTime() <= limit) {
    if (!parsed.months.has(at.getUTCMonth() + 1)) {
      at.setUTCMonth(at.getUTCMonth() + 1, 1);
      at.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(parsed, at)) {
      at.setUTCDate(at.getUTCDate() + 1);
      at.setUTCHours(0, 0, 0, 0);
    } else if (!parsed.hours.has(at.getUTCHours())) {
      at.setUTCHours(at.getUTCHours() + 1, 0, 0, 0);
    } else if (!parsed.minutes.has(at.getUTCMinutes())) {
      at.setUTCMinutes(at.getUTCMinutes() + 1, 0, 0);
    } else {
      return at;
    }
  }
  return null;
}

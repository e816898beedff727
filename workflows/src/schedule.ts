// Five-field cron expressions (minute hour day-of-month month day-of-week, in UTC) for the in-process scheduler.

type Field = { min: number; max: number };
const fields: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
];

export type CronSchedule = {
  expression: string;
  /** The first minute strictly after `after` that the schedule fires at. */
  next(after: Date): Date;
};

/** Parses `*`, numbers, ranges `a-b`, steps `* /n` and `a-b/n`, and comma lists; throws on anything else. */
export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${expression}": expected five fields`);
  const sets = parts.map((part, index) => parseField(part, fields[index] as Field, expression));
  const [minutes, hours, days, months, weekdays] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  // Sunday is both 0 and 7.
  if (weekdays.has(7)) weekdays.add(0);
  const dayRestricted = parts[2] !== "*";
  const weekdayRestricted = parts[4] !== "*";

  const matches = (at: Date) => {
    if (!minutes.has(at.getUTCMinutes()) || !hours.has(at.getUTCHours())) return false;
    if (!months.has(at.getUTCMonth() + 1)) return false;
    const day = days.has(at.getUTCDate());
    const weekday = weekdays.has(at.getUTCDay());
    // As in classic cron: when both day fields are restricted, either one matching is enough.
    return dayRestricted && weekdayRestricted ? day || weekday : day && weekday;
  };

  return {
    expression,
    next(after) {
      const at = new Date(after.getTime());
      at.setUTCSeconds(0, 0);
      // Five years of minutes covers every satisfiable expression (29 February included).
      for (let i = 0; i < 5 * 366 * 24 * 60; i++) {
        at.setUTCMinutes(at.getUTCMinutes() + 1);
        if (matches(at)) return new Date(at.getTime());
      }
      throw new Error(`cron "${expression}" never fires`);
    },
  };
}

function parseField(part: string, field: Field, expression: string): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new Error(`cron "${expression}": cannot read "${item}"`);
    const [, , from, to, every] = match;
    const start = from === undefined ? field.min : Number(from);
    const end = to !== undefined ? Number(to) : from === undefined || every !== undefined ? field.max : start;
    const step = every === undefined ? 1 : Number(every);
    if (start < field.min || end > field.max || start > end || step < 1) {
      throw new Error(`cron "${expression}": "${item}" is out of range ${field.min}-${field.max}`);
    }
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return values;
}

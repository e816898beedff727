// Cron triggers for the in-process scheduler, read with the same parser the performance schedules use.
import { CronError, nextCronRun, parseCron as parseCronExpression } from "@meshplane/db/queries";

export type CronSchedule = {
  expression: string;
  /** The first minute strictly after `after` that the schedule fires at. */
  next(after: Date): Date;
};

/** Five fields (minute hour day-of-month month day-of-week, in UTC); throws naming the field it cannot read. */
export function parseCron(expression: string): CronSchedule {
  let cron: ReturnType<typeof parseCronExpression>;
  try {
    cron = parseCronExpression(expression);
  } catch (error) {
    if (error instanceof CronError) throw new Error(`cron "${expression}": ${error.message}`);
    throw error;
  }
  return {
    expression,
    next(after) {
      const at = nextCronRun(cron, after);
      if (at === null) throw new Error(`cron "${expression}" never fires`);
      return at;
    },
  };
}

// Runs of workflow functions executed in-process (one-machine mode): status, attempts and the last error.
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id } from "./_columns";

export const workflowRuns = pgTable(
  "workflow_runs",
  {
    id: id(),
    functionId: text().notNull(),
    eventName: text().notNull(),
    eventId: text().notNull(),
    status: text({ enum: ["running", "completed", "failed"] }).notNull(),
    attempts: integer().notNull().default(0),
    error: text(),
    output: jsonb(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.functionId, t.startedAt)],
);

// The one-machine workflow runner: executes definitions in this process, memoizing steps across retries
// and recording each run in workflow_runs. It never throws into the caller: failures are recorded and logged.
import { finishWorkflowRun, startWorkflowRun } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import { NonRetriableError } from "inngest";
import { type AnyWorkflowDefinition, handlerOf, type StepResult, type WorkflowStep } from "./define";
import { type EventName, parseEvent, type WorkflowEvent } from "./events";
import { workflows } from "./functions/index";
import { type SchedulerOptions, startCronSchedules } from "./scheduler";
import type { WorkflowSender } from "./sender";
import { createEventWaiters } from "./waiters";

export type InProcessRunnerOptions = {
  db: Db;
  definitions?: AnyWorkflowDefinition[];
  /** Delay before the first retry, doubled for each further one (capped at 30 s). */
  backoffMs?: number;
  log?: (line: string) => void;
};

export type InProcessRunner = WorkflowSender & {
  /** Resolves once no run is in flight (or after `timeoutMs`): for tests and graceful shutdown. */
  drain(timeoutMs?: number): Promise<void>;
  /** Starts the definitions' cron schedules (the one-machine mode has no Inngest to do it); returns a stop. */
  startSchedules(options?: SchedulerOptions): () => void;
};

type SentEvent = WorkflowEvent & { id: string; ts: number };

// Inngest drops a re-sent event id for 24 hours; remembering the latest ids gives the same guarantee here.
const rememberedEventIds = 10_000;

export function createInProcessRunner(options: InProcessRunnerOptions): InProcessRunner {
  const { db } = options;
  const definitions = options.definitions ?? workflows;
  const backoffMs = options.backoffMs ?? 200;
  const log = options.log ?? ((line: string) => console.error(line));
  const inFlight = new Set<Promise<void>>();
  const seenEventIds = new Set<string>();
  const waiters = createEventWaiters();

  async function send(events: WorkflowEvent | WorkflowEvent[]): Promise<{ ids: string[] }> {
    const list: SentEvent[] = (Array.isArray(events) ? events : [events]).map((event) => ({
      ...parseEvent(event),
      id: event.id ?? crypto.randomUUID(),
      ts: event.ts ?? Date.now(),
    }));
    for (const event of list) {
      if (seenEventIds.has(event.id)) continue;
      remember(event.id);
      waiters.offer(event);
      for (const definition of definitions) {
        if (definition.event !== event.name) continue;
        const run = execute(definition, event).catch((error: unknown) =>
          log(`workflow ${definition.id}: runner error: ${messageOf(error)}`),
        );
        inFlight.add(run);
        void run.finally(() => inFlight.delete(run));
      }
    }
    return { ids: list.map((event) => event.id) };
  }

  function remember(id: string): void {
    seenEventIds.add(id);
    if (seenEventIds.size <= rememberedEventIds) return;
    const oldest = seenEventIds.values().next();
    if (!oldest.done) seenEventIds.delete(oldest.value);
  }

  async function execute(definition: AnyWorkflowDefinition, event: SentEvent): Promise<void> {
    const runId = await startWorkflowRun(db, {
      functionId: definition.id,
      eventName: event.name,
      eventId: event.id,
    }).then(
      (run) => run.id,
      (error: unknown) => log(`workflow ${definition.id}: could not record the run: ${messageOf(error)}`),
    );
    const memo = new Map<string, unknown>();
    const maxAttempts = definition.retries + 1;
    let attempts = 0;
    let outcome: { status: "completed"; output: StepResult } | { status: "failed"; error: string };
    for (;;) {
      attempts++;
      try {
        const output = await handlerOf(definition)({
          event,
          step: stepsOf(memo, event),
          attempt: attempts - 1,
          db,
        });
        outcome = { status: "completed", output };
        break;
      } catch (error) {
        if (attempts >= maxAttempts || error instanceof NonRetriableError) {
          outcome = { status: "failed", error: messageOf(error) };
          break;
        }
        await delay(Math.min(backoffMs * 2 ** (attempts - 1), 30_000));
      }
    }
    if (outcome.status === "failed") {
      log(`workflow ${definition.id} failed after ${attempts} attempt(s) on ${event.name}: ${outcome.error}`);
    }
    if (!runId) return;
    await finishWorkflowRun(db, {
      id: runId,
      attempts,
      ...(outcome.status === "completed"
        ? { status: "completed", output: outcome.output ?? null }
        : { status: "failed", error: outcome.error }),
    }).catch((error: unknown) =>
      log(`workflow ${definition.id}: could not record the outcome: ${messageOf(error)}`),
    );
  }

  /** Step tools for one attempt: a step that completed in an earlier attempt returns its recorded value. */
  function stepsOf(memo: Map<string, unknown>, trigger: SentEvent): WorkflowStep {
    const occurrences = new Map<string, number>();
    // Inngest suffixes a repeated step id with its occurrence; doing the same keeps loops memoizable.
    const keyOf = (id: string) => {
      const seen = occurrences.get(id) ?? 0;
      occurrences.set(id, seen + 1);
      return seen === 0 ? id : `${id}:${seen}`;
    };
    const once = async <T>(id: string, fn: () => Promise<T>): Promise<T> => {
      const key = keyOf(id);
      if (memo.has(key)) return recalled<T>(memo.get(key));
      const value = await fn();
      memo.set(key, value);
      return value;
    };
    return {
      run: (id, fn) => once(id, async () => asJson(await fn())),
      sleep: (id, ms) => once(id, () => delay(ms)),
      sendEvent: (id, events) => once(id, () => send(events)),
      waitForEvent: <N extends EventName>(id: string, wait: { event: N; timeout: number; match?: string }) =>
        once(id, () => waiters.waitFor(wait, trigger)),
    };
  }

  async function drain(timeoutMs?: number): Promise<void> {
    const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + timeoutMs;
    // Runs started by runs (sendEvent) join the set while we wait, hence the loop.
    while (inFlight.size > 0 && Date.now() < deadline) {
      const settled = Promise.allSettled([...inFlight]);
      if (timeoutMs === undefined) await settled;
      else await Promise.race([settled, delay(Math.max(0, deadline - Date.now()))]);
    }
  }

  function startSchedules(scheduler: SchedulerOptions = {}): () => void {
    return startCronSchedules(definitions, { send, log }, scheduler);
  }

  return { send, drain, startSchedules };
}

// The memo holds, under this step's key, the value this same step returned in an earlier attempt.
function recalled<T>(value: unknown): T {
  return value as T;
}

/** Inngest stores step results as JSON; doing the same here keeps both runners' results identical. */
function asJson<T extends StepResult>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// The definition layer: one workflow shape that both Inngest and the in-process runner execute.
import type { Db } from "@meshplane/db/types";
import type { EventData, EventName, WorkflowEvent } from "./events";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a step may return: it is persisted as JSON between attempts, so only JSON survives. */
// biome-ignore lint/suspicious/noConfusingVoidType: a step or handler that returns nothing must type-check.
export type StepResult = JsonValue | undefined | void;

export type ReceivedEvent<N extends EventName> = {
  [K in N]: { name: K; data: EventData<K>; id?: string; ts?: number };
}[N];

/** The subset of Inngest's step tools our workflows use; each id names a memoized step. */
export type WorkflowStep = {
  run<T extends StepResult>(id: string, fn: () => Promise<T> | T): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  sendEvent(id: string, events: WorkflowEvent | WorkflowEvent[]): Promise<{ ids: string[] }>;
  /** Resolves with the first matching event, or null after `timeout` ms. `match` is a dotted data path. */
  waitForEvent<N extends EventName>(
    id: string,
    options: { event: N; timeout: number; match?: string },
  ): Promise<ReceivedEvent<N> | null>;
};

export type WorkflowContext<N extends EventName> = {
  event: ReceivedEvent<N>;
  step: WorkflowStep;
  /** 0 on the first try, as Inngest counts it. */
  attempt: number;
  db: Db;
};

/** Inngest accepts 0 to 20 retries; each retry re-runs the handler with completed steps memoized. */
export type Retries = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export type WorkflowDefinition<N extends EventName = EventName> = {
  id: string;
  event: N;
  /**
   * Also runs on this five-field UTC cron schedule: Inngest's cron trigger, or the in-process scheduler.
   * A scheduled run may receive Inngest's timer event instead of `event`, so such handlers ignore its data.
   */
  cron?: string;
  retries: Retries;
  handler: (ctx: WorkflowContext<N>) => Promise<StepResult>;
};

/** Any definition, whatever its trigger: the list runners and `serve` take. */
export type AnyWorkflowDefinition = { [N in EventName]: WorkflowDefinition<N> }[EventName];

export function defineWorkflow<N extends EventName>(
  definition: WorkflowDefinition<N>,
): WorkflowDefinition<N> {
  return definition;
}

/** A definition's handler, callable with any event: runners only hand it events of its own trigger. */
export function handlerOf(
  definition: AnyWorkflowDefinition,
): (ctx: WorkflowContext<EventName>) => Promise<StepResult> {
  return definition.handler as (ctx: WorkflowContext<EventName>) => Promise<StepResult>;
}

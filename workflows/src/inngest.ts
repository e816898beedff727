// Turns workflow definitions into Inngest functions, for `serve` on Workers or any Inngest-driven host.
import type { Db } from "@meshplane/db/types";
import type { Inngest, InngestFunction, SendEventPayload } from "inngest";
import { type AnyWorkflowDefinition, handlerOf, type ReceivedEvent, type WorkflowStep } from "./define";
import { type EventName, eventTypes } from "./events";

/** The slice of Inngest's step tools the adapter calls; Inngest's own tools satisfy it structurally. */
type InngestStepTools = {
  run: (id: string, fn: () => unknown) => Promise<unknown>;
  sleep: (id: string, ms: number) => Promise<void>;
  sendEvent: (id: string, payload: SendEventPayload) => Promise<{ ids: string[] }>;
  waitForEvent: (id: string, options: { event: string; timeout: number; match?: string }) => Promise<unknown>;
};

// Inngest serialises step results to JSON; our StepResult is JSON already, so the value is unchanged.
function memoized<T>(value: unknown): T {
  return value as T;
}

function adaptStep(step: InngestStepTools): WorkflowStep {
  return {
    run: async (id, fn) => memoized(await step.run(id, fn)),
    sleep: (id, ms) => step.sleep(id, ms),
    sendEvent: (id, events) => step.sendEvent(id, events),
    waitForEvent: async <N extends EventName>(
      id: string,
      options: { event: N; timeout: number; match?: string },
    ) => memoized<ReceivedEvent<N> | null>(await step.waitForEvent(id, options)),
  };
}

// The trigger's schema validated the data before Inngest invoked the function.
function received(event: unknown): ReceivedEvent<EventName> {
  return event as ReceivedEvent<EventName>;
}

export function toInngestFunction(
  client: Inngest,
  definition: AnyWorkflowDefinition,
  deps: { db: Db },
): InngestFunction.Any {
  const trigger = eventTypes[definition.event];
  const handler = handlerOf(definition);
  return client.createFunction(
    {
      id: definition.id,
      retries: definition.retries,
      triggers: definition.cron ? [trigger, { cron: definition.cron }] : [trigger],
    },
    async ({ event, step, attempt }) =>
      handler({ event: received(event), step: adaptStep(step), attempt, db: deps.db }),
  );
}

/** Built per request on Workers, where the database client lives only as long as the request. */
export function toInngestFunctions(
  client: Inngest,
  definitions: AnyWorkflowDefinition[],
  deps: { db: Db },
): InngestFunction.Any[] {
  return definitions.map((definition) => toInngestFunction(client, definition, deps));
}

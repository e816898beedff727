// Pending `step.waitForEvent` calls of in-process runs, resolved by a matching event or by their timeout.
import type { ReceivedEvent } from "./define";
import type { EventName, WorkflowEvent } from "./events";

type Waiter = { offer: (event: WorkflowEvent) => void };

export function createEventWaiters() {
  const waiters = new Set<Waiter>();

  function waitFor<N extends EventName>(
    wait: { event: N; timeout: number; match?: string },
    trigger: WorkflowEvent,
  ): Promise<ReceivedEvent<N> | null> {
    const expected = wait.match === undefined ? undefined : valueAt(trigger, wait.match);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        offer: (event) => {
          const named = ifNamed(event, wait.event);
          if (!named) return;
          if (wait.match !== undefined && valueAt(named, wait.match) !== expected) return;
          finish(named);
        },
      };
      const timer = setTimeout(() => finish(null), wait.timeout);
      function finish(event: ReceivedEvent<N> | null) {
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(event);
      }
      waiters.add(waiter);
    });
  }

  return {
    waitFor,
    offer: (event: WorkflowEvent) => {
      for (const waiter of [...waiters]) waiter.offer(event);
    },
  };
}

// Events are parsed against their name's schema when sent, so the name fixes the data's type.
function ifNamed<N extends EventName>(event: WorkflowEvent, name: N): ReceivedEvent<N> | undefined {
  return event.name === name ? (event as unknown as ReceivedEvent<N>) : undefined;
}

/** Reads a dotted path such as `data.designId`, the form Inngest's `match` takes. */
function valueAt(source: unknown, path: string): unknown {
  let current = source;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// Pending `step.waitForEvent` calls of in-process runs, resolved by a matching event or by their timeout.
// A wait also takes a matching event that arrived after the run's trigger but before the wait began: the
// step before a wait (is the job done yet?) and the event it would wait for can race, and a missed event
// would otherwise cost the whole timeout.
import type { ReceivedEvent } from "./define";
import type { EventName, WorkflowEvent } from "./events";

type Waiter = { offer: (event: WorkflowEvent) => void };
type Seen = { event: WorkflowEvent; at: number };

/** How long, and how many, recent events are kept for waits that begin after them. */
const RECENT_MS = 10 * 60_000;
const RECENT_MAX = 5_000;

export function createEventWaiters(now: () => number = Date.now) {
  const waiters = new Set<Waiter>();
  const recent: Seen[] = [];

  function waitFor<N extends EventName>(
    wait: { event: N; timeout: number; match?: string },
    trigger: WorkflowEvent & { ts?: number },
  ): Promise<ReceivedEvent<N> | null> {
    const expected = wait.match === undefined ? undefined : valueAt(trigger, wait.match);
    const matching = (event: WorkflowEvent): ReceivedEvent<N> | undefined => {
      const named = ifNamed(event, wait.event);
      if (!named) return undefined;
      if (wait.match !== undefined && valueAt(named, wait.match) !== expected) return undefined;
      return named;
    };
    const since = trigger.ts ?? now();
    const early = recent.find(
      (seen) =>
        seen.at >= since && seen.event !== trigger && seen.event.id !== trigger.id && matching(seen.event),
    );
    if (early) return Promise.resolve(matching(early.event) ?? null);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        offer: (event) => {
          const found = matching(event);
          if (found) finish(found);
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

  function remember(event: WorkflowEvent): void {
    const at = now();
    recent.push({ event, at });
    while (recent.length > RECENT_MAX || (recent[0] && recent[0].at < at - RECENT_MS)) recent.shift();
  }

  return {
    waitFor,
    offer: (event: WorkflowEvent) => {
      remember(event);
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

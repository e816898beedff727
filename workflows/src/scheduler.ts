// The in-process stand-in for Inngest's cron triggers: sends each scheduled definition's event on time.
import type { AnyWorkflowDefinition } from "./define";
import type { WorkflowEvent } from "./events";
import { parseCron } from "./schedule";
import type { WorkflowSender } from "./sender";

export type SchedulerOptions = {
  /** The clock, in milliseconds; tests move it by hand. */
  now?: () => number;
  /** Arms a timer and returns its cancel; the default never keeps the process alive by itself. */
  setTimer?: (fire: () => void, ms: number) => () => void;
};

const realTimer = (fire: () => void, ms: number) => {
  const timer = setTimeout(fire, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
};

export function startCronSchedules(
  definitions: AnyWorkflowDefinition[],
  deps: WorkflowSender & { log: (line: string) => void },
  options: SchedulerOptions = {},
): () => void {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? realTimer;
  const cancels = new Set<() => void>();
  let stopped = false;

  for (const definition of definitions) {
    if (!definition.cron) continue;
    // A bad expression fails here, at start, rather than silently never running.
    const schedule = parseCron(definition.cron);
    let lastFired = 0;
    const arm = () => {
      if (stopped) return;
      const at = schedule.next(new Date(Math.max(now(), lastFired)));
      const cancel = setTimer(
        () => {
          cancels.delete(cancel);
          lastFired = at.getTime();
          void fire(at).finally(arm);
        },
        Math.max(0, at.getTime() - now()),
      );
      cancels.add(cancel);
    };
    const fire = async (at: Date) => {
      const scheduledAt = at.toISOString();
      try {
        // The id names the tick, so a tick sent twice starts one run (the runner drops repeated ids).
        await deps.send(scheduledEvent(definition, scheduledAt));
      } catch (error) {
        deps.log(`schedule ${definition.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    arm();
  }

  return () => {
    stopped = true;
    for (const cancel of cancels) cancel();
    cancels.clear();
  };
}

// Scheduled definitions trigger on events whose data is `{ scheduledAt? }`; `send` validates that at runtime.
function scheduledEvent(definition: AnyWorkflowDefinition, scheduledAt: string): WorkflowEvent {
  const event = {
    name: definition.event,
    id: `schedule-${definition.id}-${scheduledAt}`,
    data: { scheduledAt },
  };
  return event as unknown as WorkflowEvent;
}

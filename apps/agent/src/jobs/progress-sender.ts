// Owns sending a running load test's seconds to the API as they close: one request at a time, what failed is
// kept and sent with the next second (bounded), and sending stops once the API says the run has finished.
import type { SecondOfRun } from "@meshplane/loadgen";
import type { Logger } from "../log";

/** The API takes at most this many seconds per request. */
const BATCH = 120;
/** Seconds kept while the API is unreachable; older ones are dropped (the final report has them all). */
const KEEP = 600;

export type SendSeconds = (seconds: SecondOfRun[]) => Promise<{ accepted: boolean }>;

export function createProgressSender(send: SendSeconds, log: Logger, context: Record<string, unknown>) {
  const queue: SecondOfRun[] = [];
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let failures = 0;

  async function flush(): Promise<void> {
    while (!stopped && queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      try {
        const { accepted } = await send(batch);
        queue.splice(0, batch.length);
        failures = 0;
        if (!accepted) stopped = true;
      } catch (error) {
        // Kept for the next second's attempt; one warning per outage, not one per second.
        if (failures++ === 0) {
          log.warn("load test progress not delivered", {
            ...context,
            error: error instanceof Error ? error.message : String(error),
          });
        }
        return;
      }
    }
  }

  return {
    push(second: SecondOfRun): void {
      if (stopped) return;
      queue.push(second);
      if (queue.length > KEEP) queue.splice(0, queue.length - KEEP);
      if (!inFlight) {
        inFlight = flush().finally(() => {
          inFlight = null;
        });
      }
    },
    /** Waits for a request in flight, so no progress lands after the job's result. */
    async settle(): Promise<void> {
      stopped = true;
      await inFlight;
    },
  };
}

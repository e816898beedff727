// Owns reporting job outcomes from the durable journal to Meshplane, retrying with jittered backoff.
import { backoffDelay, sleep } from "./backoff";
import type { JobJournal } from "./job-journal";
import type { Logger } from "./log";
import { MeshplaneApiError, type MeshplaneClient } from "./meshplane-client";

export interface ResultReporter {
  /** Wakes the reporter now instead of at its next check. */
  wake(): void;
  run(signal: AbortSignal): Promise<void>;
}

const IDLE_CHECK_MS = 5_000;

export function createResultReporter(
  client: MeshplaneClient,
  journal: JobJournal,
  log: Logger,
): ResultReporter {
  let wakeUp: (() => void) | undefined;

  function waitForWork(signal: AbortSignal): Promise<void> {
    const woken = new AbortController();
    wakeUp = () => woken.abort();
    return sleep(IDLE_CHECK_MS, AbortSignal.any([signal, woken.signal]));
  }

  return {
    wake: () => wakeUp?.(),
    async run(signal) {
      let failures = 0;
      while (!signal.aborted) {
        const pending = journal.unreported();
        if (pending.length === 0) {
          await waitForWork(signal);
          continue;
        }
        for (const entry of pending) {
          if (signal.aborted) return;
          try {
            await client.reportResult(entry.id, entry.outcome);
            await journal.markReported(entry.id);
            failures = 0;
          } catch (error) {
            if (error instanceof MeshplaneApiError && (error.status === 404 || error.status === 409)) {
              // The API will never take this one (job gone, or another outcome recorded): stop retrying it.
              log.error("Meshplane refused a job result; dropping it", { jobId: entry.id, err: error });
              await journal.markReported(entry.id);
              continue;
            }
            log.warn("reporting a job result failed, will retry", { jobId: entry.id, err: error });
            await sleep(backoffDelay(failures++, { baseMs: 500, capMs: 60_000 }), signal);
            break;
          }
        }
      }
    },
  };
}

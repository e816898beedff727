// Owns a whole run: checks options and target, starts one load thread per core, and merges their reports
// into one result; ends early, never hanging, when the target dies, a thread fails or the caller aborts.
import { Worker } from "node:worker_threads";
import type { EndedEarly, FromThread, ThreadConfig, ThreadReport, ToThread } from "../engine/thread-messages";
import { encodeRequest } from "../http/request-bytes";
import { type LoadOptions, type ResolvedLoadOptions, resolveLoadOptions } from "../options";
import { threadScript } from "../threads/thread-script";
import { buildLoadResult, type LoadResult, type SecondOfRun } from "./load-result";
import { SecondSeries } from "./second-series";
import { checkTargetReachable, resolveTarget, type Target } from "./target";

export type RunControl = {
  /** Aborting ends the run early with a partial result. */
  signal?: AbortSignal;
  /** Called as each second of the run closes, for live views. */
  onSecond?: (second: SecondOfRun) => void;
};

// Past the run's duration and timeout, how long threads get to report before they are abandoned.
const REPORT_GRACE_MS = 3_000;
// Lead time between "all connected" and the common start, so every thread receives it in time.
const START_LEAD_MS = 20;

/** Runs a load test; rejects only on bad options (LoadOptionsError) or a target that cannot be reached. */
export async function runLoad(input: LoadOptions, control: RunControl = {}): Promise<LoadResult> {
  const options = resolveLoadOptions(input);
  const target = resolveTarget(options);
  const address = await checkTargetReachable(target, options.connectTimeoutMs);
  const script = await threadScript();
  const series = new SecondSeries(options.threads, control.onSecond);
  const run = await runThreads(
    script,
    threadConfigs(options, { ...target, host: address }),
    series,
    options,
    control.signal,
  );
  return buildLoadResult({ options, ...run, perSecond: series.finish() });
}

function threadConfigs(options: ResolvedLoadOptions, target: Target): ThreadConfig[] {
  const request = encodeRequest(options);
  const base = Math.floor(options.connections / options.threads);
  const extra = options.connections % options.threads;
  let firstConnection = 0;
  return Array.from({ length: options.threads }, (_, index) => {
    const connections = base + (index < extra ? 1 : 0);
    const config: ThreadConfig = {
      index,
      host: target.host,
      port: target.port,
      tls: target.tls,
      request,
      bodiless: options.method === "HEAD",
      connections,
      firstConnection,
      totalConnections: options.connections,
      rate: options.rate ?? null,
      pipelining: options.pipelining,
      durationMs: options.durationMs,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
    };
    firstConnection += connections;
    return config;
  });
}

type ThreadsOutcome = { startedAt: Date; reports: ThreadReport[]; endedEarly: EndedEarly | null };

function runThreads(
  script: URL,
  configs: ThreadConfig[],
  series: SecondSeries,
  options: ResolvedLoadOptions,
  signal: AbortSignal | undefined,
): Promise<ThreadsOutcome> {
  return new Promise((resolve) => {
    const reports = new Map<number, ThreadReport>();
    const gone = new Set<number>();
    let ready = 0;
    let startEpochMs = Number.NaN;
    let endedEarly: EndedEarly | null = null;
    let finished = false;

    const now = () => performance.timeOrigin + performance.now();
    const post = (message: ToThread) => {
      for (const [index, worker] of workers.entries()) if (!gone.has(index)) worker.postMessage(message);
    };
    const endEarly = (cause: string, atMs = Number.isNaN(startEpochMs) ? 0 : now() - startEpochMs) => {
      endedEarly ??= { atMs: Math.max(0, atMs), cause };
      post({ type: "stop", cause: endedEarly.cause });
    };
    const finishIfAllGone = () => {
      if (finished || gone.size < workers.length) return;
      finished = true;
      clearTimeout(watchdog);
      signal?.removeEventListener("abort", onAbort);
      const startedAt = new Date(Number.isNaN(startEpochMs) ? now() : startEpochMs);
      resolve({ startedAt, reports: [...reports.values()], endedEarly });
    };
    const leave = (index: number, worker: Worker, failure: string | null) => {
      if (gone.has(index)) return;
      gone.add(index);
      void worker.terminate();
      if (failure !== null) endEarly(failure);
      finishIfAllGone();
    };

    // The hard bound on a run: connecting, the duration, one timeout, and a grace period to report.
    const budgetMs = options.connectTimeoutMs + options.durationMs + options.timeoutMs + REPORT_GRACE_MS;
    const watchdog = setTimeout(() => {
      for (const [index, worker] of workers.entries()) {
        leave(index, worker, `load thread ${index} did not report within ${budgetMs} ms`);
      }
    }, budgetMs);

    const workers = configs.map((config, index) => {
      const worker = new Worker(script, { workerData: config });
      worker.on("message", (message: FromThread) => {
        if (message.type === "second") series.add(message.sample);
        else if (message.type === "ready") {
          ready += 1;
          if (ready === configs.length) {
            startEpochMs = now() + START_LEAD_MS;
            post({ type: "start", startAtEpochMs: startEpochMs });
          }
        } else {
          reports.set(index, message.report);
          if (message.report.endedEarly !== null)
            endEarly(message.report.endedEarly.cause, message.report.endedEarly.atMs);
          leave(index, worker, null);
        }
      });
      worker.on("error", (error) => leave(index, worker, `load thread ${index} failed: ${error.message}`));
      worker.on("exit", () => leave(index, worker, `load thread ${index} exited without a report`));
      return worker;
    });

    const onAbort = () => endEarly("aborted by the caller");
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) onAbort();
  });
}

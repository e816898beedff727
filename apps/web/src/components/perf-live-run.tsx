"use client";
// A run as it happens: polls the result every second, draws its seconds so far and how far through the
// duration it is, and refreshes the page around it once the run has ended.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { formatCount, formatMs, formatRate, resultPath } from "../lib/performance-format";
import { type LiveSnapshot, progressOf } from "../lib/performance-live";
import { PerfSeriesCharts } from "./perf-series-charts";

type Props = { initial: LiveSnapshot; durationMs: number | null };

export function PerfLiveRun({ initial, durationMs }: Props) {
  const router = useRouter();
  const [snapshot, setSnapshot] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const running = snapshot.state === "running";

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const answer = await fetch(resultPath(initial.id, "/live"), { cache: "no-store" });
        const body = (await answer.json()) as LiveSnapshot | { error: string };
        if (stopped) return;
        if ("error" in body) {
          setProblem(body.error);
          return;
        }
        setProblem(null);
        setSnapshot(body);
        if (body.state !== "running") router.refresh();
      } catch {
        if (!stopped) setProblem("Lost touch with the server; still trying.");
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running, initial.id, router]);

  const progress = progressOf(snapshot, durationMs);
  const seconds = durationMs ? Math.ceil(durationMs / 1000) : undefined;
  const last = snapshot.series.at(-1);
  return (
    <section
      className="panel perf-live"
      aria-labelledby="live-title"
      data-testid="live-run"
      data-state={snapshot.state}
    >
      <header className="panel-head">
        <h2 id="live-title">{running ? "Running now" : "This run has ended"}</h2>
        <span
          className={`perf-verdict perf-tone-${running ? "muted" : snapshot.state === "passed" ? "ok" : "bad"}`}
        >
          {running
            ? "Running"
            : snapshot.state === "passed"
              ? "Done"
              : snapshot.state === "errored"
                ? "Errored"
                : "Failed"}
        </span>
      </header>
      <div
        className="perf-progress"
        role="progressbar"
        aria-label="Progress through the duration"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
      >
        <span style={{ width: `${(progress * 100).toFixed(1)}%` }} />
      </div>
      <p className="muted perf-live-line">
        {Math.floor(snapshot.elapsedMs / 1000)} s{seconds ? ` of ${seconds} s` : ""}
        {last && running && (
          <>
            {" · "}last second: {formatCount(last.requests)} requests, p50 {formatMs(last.p50)}, p99{" "}
            {formatMs(last.p99)}
          </>
        )}
        {!running && snapshot.requests !== null && (
          <>
            {" · "}
            {formatCount(snapshot.requests)} requests at {formatRate(snapshot.rps)}, p99{" "}
            {formatMs(snapshot.p99)}
          </>
        )}
      </p>
      {problem && <p className="alert">{problem}</p>}
      {snapshot.cause && !running && <p className="alert">{snapshot.cause}</p>}
      {running && snapshot.series.length === 0 && (
        <p className="muted" data-testid="live-waiting">
          Waiting for the first second of measurements…
        </p>
      )}
      <PerfSeriesCharts series={snapshot.series} {...(seconds ? { seconds } : {})} idPrefix="live" />
      {!running && (
        <p>
          <a className="button" href={resultPath(snapshot.id)}>
            Open the result
          </a>
        </p>
      )}
    </section>
  );
}

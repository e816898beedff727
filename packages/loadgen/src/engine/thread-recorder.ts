// Owns what one load thread measures: latency and service-time histograms, status codes, error classes and
// the per-second samples it hands over as each second closes.
import { serializeHistogram } from "../histogram/codec";
import { Histogram } from "../histogram/histogram";
import type { ErrorClass } from "./error-classes";
import type { ErrorCounts, SecondSample, ThreadReport } from "./thread-messages";

// Latencies beyond an hour are clamped rather than thrown on: the hot path must not fail on a stuck queue.
const HIGHEST_US = 3_600_000_000;

export class ThreadRecorder {
  /** Complete once the run's last second is closed: each second's histogram is merged in as it closes. */
  readonly latency = new Histogram(HIGHEST_US);
  readonly serviceTime = new Histogram(HIGHEST_US);
  readonly errors: ErrorCounts = { connect: 0, timeout: 0, reset: 0, protocol: 0, other: 0 };
  readonly errorSamples: Partial<Record<ErrorClass, string>> = {};
  requests = 0;
  private readonly statusCounts = new Float64Array(1000);
  private readonly secondLatency = new Histogram(HIGHEST_US);
  private second = 0;
  private secondRequests = 0;
  private secondErrors = 0;
  private secondFailedStatuses = 0;

  private secondEndsAt = Number.POSITIVE_INFINITY;

  constructor(private readonly onSecond: (sample: SecondSample) => void) {}

  /** Starts second 0 at `startAt`; errors counted before (while connecting) fall into it. */
  begin(startAt: number): void {
    this.secondEndsAt = startAt + 1000;
  }

  /** Times are performance.now() milliseconds; `intendedAt` is the schedule, `sentAt` the actual write. */
  recordResponse(now: number, intendedAt: number, sentAt: number, status: number): void {
    if (now >= this.secondEndsAt) this.closeSecondsUntil(now);
    const latencyUs = Math.min(HIGHEST_US, Math.max(0, (now - intendedAt) * 1000));
    this.secondLatency.record(latencyUs);
    this.serviceTime.record(Math.min(HIGHEST_US, Math.max(0, (now - sentAt) * 1000)));
    this.statusCounts[status] = (this.statusCounts[status] ?? 0) + 1;
    this.requests += 1;
    this.secondRequests += 1;
    if (status >= 400) this.secondFailedStatuses += 1;
  }

  recordError(now: number, errorClass: ErrorClass, message: string, count = 1): void {
    if (count <= 0) return;
    if (now >= this.secondEndsAt) this.closeSecondsUntil(now);
    this.errors[errorClass] += count;
    this.secondErrors += count;
    this.errorSamples[errorClass] ??= message;
  }

  /** Closes every second that ended by `now`. */
  advance(now: number): void {
    if (now >= this.secondEndsAt) this.closeSecondsUntil(now);
  }

  /** Closes the last second at `endAt`, including a partial one, so the series covers the whole run. */
  finish(endAt: number): void {
    this.closeSecondsUntil(endAt);
    if (endAt > this.secondEndsAt - 1000) this.closeSecond();
  }

  report(
    run: Pick<ThreadReport, "unfinished" | "connectionsOpened" | "elapsedMs" | "busy" | "endedEarly">,
  ): ThreadReport {
    return {
      ...run,
      requests: this.requests,
      latency: serializeHistogram(this.latency),
      serviceTime: serializeHistogram(this.serviceTime),
      statusCodes: this.statusCodes(),
      errors: { ...this.errors },
      errorSamples: { ...this.errorSamples },
    };
  }

  statusCodes(): Record<string, number> {
    const codes: Record<string, number> = {};
    this.statusCounts.forEach((count, status) => {
      if (count > 0) codes[String(status)] = count;
    });
    return codes;
  }

  // Quiet seconds are reported too, as zeros: a stalled target must show as a gap, not be skipped.
  private closeSecondsUntil(now: number): void {
    while (now >= this.secondEndsAt) {
      this.closeSecond();
      this.secondEndsAt += 1000;
    }
  }

  private closeSecond(): void {
    this.onSecond({
      second: this.second,
      requests: this.secondRequests,
      errors: this.secondErrors,
      failedStatuses: this.secondFailedStatuses,
      histogram: serializeHistogram(this.secondLatency),
    });
    // One record per response on the hot path, not two: the run's histogram grows a second at a time.
    this.latency.merge(this.secondLatency);
    this.second += 1;
    this.secondRequests = 0;
    this.secondErrors = 0;
    this.secondFailedStatuses = 0;
    this.secondLatency.reset();
  }
}

// Owns the per-second series of a run: merges the threads' samples of each second exactly, and keeps only
// the percentiles once every thread has reported that second, so long runs hold few histograms.

import type { SecondSample } from "../engine/thread-messages";
import { deserializeHistogram } from "../histogram/codec";
import type { Histogram } from "../histogram/histogram";
import type { SecondOfRun } from "./load-result";

type OpenSecond = {
  reported: number;
  requests: number;
  errors: number;
  failedStatuses: number;
  histogram: Histogram;
};

export class SecondSeries {
  private readonly open = new Map<number, OpenSecond>();
  private readonly closed: SecondOfRun[] = [];

  constructor(
    private readonly threads: number,
    private readonly onSecond: ((second: SecondOfRun) => void) | undefined,
  ) {}

  add(sample: SecondSample): void {
    const histogram = deserializeHistogram(sample.histogram);
    const second = this.open.get(sample.second);
    if (second === undefined) {
      const { requests, errors, failedStatuses } = sample;
      this.open.set(sample.second, { reported: 1, requests, errors, failedStatuses, histogram });
    } else {
      second.reported += 1;
      second.requests += sample.requests;
      second.errors += sample.errors;
      second.failedStatuses += sample.failedStatuses;
      second.histogram.merge(histogram);
    }
    if ((second?.reported ?? 1) >= this.threads) this.close(sample.second);
  }

  /** The whole series, closing seconds some thread never reported (it crashed or was stopped). */
  finish(): SecondOfRun[] {
    for (const second of [...this.open.keys()]) this.close(second);
    return this.closed.sort((a, b) => a.second - b.second);
  }

  private close(index: number): void {
    const second = this.open.get(index);
    if (second === undefined) return;
    this.open.delete(index);
    const ms = (percentile: number) => second.histogram.valueAtPercentile(percentile) / 1000;
    const closed: SecondOfRun = {
      second: index,
      requests: second.requests,
      errors: second.errors,
      failedStatuses: second.failedStatuses,
      p50: ms(50),
      p90: ms(90),
      p99: ms(99),
    };
    this.closed.push(closed);
    this.onSecond?.(closed);
  }
}

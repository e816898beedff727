import { describe, expect, it } from "vitest";
import { deserializeHistogram } from "../histogram/codec";
import type { SecondSample } from "./thread-messages";
import { ThreadRecorder } from "./thread-recorder";

function recorderStartingAt(startAt: number): { recorder: ThreadRecorder; seconds: SecondSample[] } {
  const seconds: SecondSample[] = [];
  const recorder = new ThreadRecorder((sample) => seconds.push(sample));
  recorder.begin(startAt);
  return { recorder, seconds };
}

describe("ThreadRecorder", () => {
  it("reports quiet seconds as zeros instead of skipping them", () => {
    const { recorder, seconds } = recorderStartingAt(10_000);
    recorder.recordResponse(10_500, 10_499, 10_499, 200);
    recorder.recordResponse(13_200, 12_000, 13_100, 503);
    recorder.finish(14_000);
    expect(seconds.map(({ second, requests, failedStatuses }) => [second, requests, failedStatuses])).toEqual(
      [
        [0, 1, 0],
        [1, 0, 0],
        [2, 0, 0],
        [3, 1, 1],
      ],
    );
  });

  it("keeps a partial last second and no empty one after it", () => {
    const { recorder, seconds } = recorderStartingAt(0);
    recorder.recordError(1_700, "timeout", "no response within 5 ms", 3);
    recorder.finish(1_800);
    expect(seconds.map(({ second, errors }) => [second, errors])).toEqual([
      [0, 0],
      [1, 3],
    ]);
    const exact = recorderStartingAt(0);
    exact.recorder.finish(2_000);
    expect(exact.seconds.map((sample) => sample.second)).toEqual([0, 1]);
  });

  it("times latency from the intended send and service time from the actual one", () => {
    const { recorder, seconds } = recorderStartingAt(0);
    // Intended at 100 ms, written at 900 ms (queued behind a busy connection), answered at 1,000 ms.
    recorder.recordResponse(1_000, 100, 900, 200);
    recorder.finish(1_500);
    expect(recorder.latency.valueAtPercentile(100)).toBe(900_000);
    expect(recorder.serviceTime.valueAtPercentile(100)).toBe(100_000);
    const second = seconds.find((sample) => sample.second === 1);
    expect(second && deserializeHistogram(second.histogram).max).toBe(900_000);
  });

  it("keeps the first message of each error class and counts every occurrence", () => {
    const { recorder } = recorderStartingAt(0);
    recorder.recordError(10, "reset", "first reset");
    recorder.recordError(20, "reset", "second reset", 4);
    expect(recorder.errors.reset).toBe(5);
    expect(recorder.errorSamples).toEqual({ reset: "first reset" });
  });
});

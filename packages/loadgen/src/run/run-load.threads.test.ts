import { afterEach, describe, expect, it } from "vitest";
import { deserializeHistogram } from "../histogram/codec";
import { Histogram } from "../histogram/histogram";
import { answerWith, response, startTestServer, type TestServer } from "../testing/test-server";
import { runLoad } from "./run-load";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.kill();
});

describe("runLoad across threads", () => {
  it("merges the threads' histograms exactly, bucket by bucket", async () => {
    server = await startTestServer(answerWith(response(200)));
    const result = await runLoad({ url: server.url, durationMs: 1_500, connections: 5, threads: 2 });

    expect(result.threads).toBe(2);
    expect(result.perThread).toHaveLength(2);
    for (const thread of result.perThread) {
      expect(thread.requests).toBeGreaterThan(100);
      // A closed-model thread never waits on a timer, so its event loop is measurably busy.
      expect(thread.busy).toBeGreaterThan(0.05);
      expect(thread.busy).toBeLessThanOrEqual(1);
    }
    expect(result.perThread.reduce((sum, thread) => sum + thread.requests, 0)).toBe(result.requests);

    const byHand = new Histogram();
    for (const thread of result.perThread) byHand.merge(deserializeHistogram(thread.histogram));
    const merged = deserializeHistogram(result.histogram);
    expect(Array.from(merged.counts)).toEqual(Array.from(byHand.counts));
    expect([merged.total, merged.min, merged.max, merged.sum]).toEqual([
      byHand.total,
      byHand.min,
      byHand.max,
      byHand.sum,
    ]);
    for (const [key, percentile] of [
      ["p50", 50],
      ["p99", 99],
      ["p99.9", 99.9],
    ] as const) {
      expect(result.latency[key]).toBe(byHand.valueAtPercentile(percentile) / 1000);
    }
  });

  it("puts every response in exactly one second of the merged series", async () => {
    server = await startTestServer(answerWith(response(200)));
    const seen: number[] = [];
    const result = await runLoad(
      { url: server.url, durationMs: 2_500, connections: 4, threads: 2, rate: 400 },
      { onSecond: (second) => seen.push(second.second) },
    );
    expect(result.perSecond.map((second) => second.second)).toEqual([0, 1, 2]);
    expect(seen.sort()).toEqual([0, 1, 2]);
    expect(result.perSecond.reduce((sum, second) => sum + second.requests, 0)).toBe(result.requests);
    // 400 requests a second, half a second in the last: the open model keeps to its schedule.
    expect(result.requests).toBeGreaterThanOrEqual(990);
    expect(result.requests).toBeLessThanOrEqual(1_000);
    expect(result.perSecond[2]?.requests).toBeGreaterThanOrEqual(195);
  });
});

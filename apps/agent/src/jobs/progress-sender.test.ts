import type { SecondOfRun } from "@meshplane/loadgen";
import { describe, expect, it } from "vitest";
import { silentLog } from "../testing/kube-fixtures";
import { createProgressSender } from "./progress-sender";

const second = (n: number): SecondOfRun => ({
  second: n,
  requests: 10,
  errors: 0,
  failedStatuses: 0,
  p50: 1,
  p90: 2,
  p99: 3,
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("sending a load test's seconds", () => {
  it("sends one request at a time, keeps what failed and sends it with the next second", async () => {
    const sent: number[][] = [];
    let failing = true;
    const sender = createProgressSender(
      async (seconds) => {
        if (failing) throw new Error("the API is unreachable");
        sent.push(seconds.map((s) => s.second));
        return { accepted: true };
      },
      silentLog,
      {},
    );
    sender.push(second(0));
    await tick();
    sender.push(second(1));
    await tick();
    expect(sent).toEqual([]);
    failing = false;
    sender.push(second(2));
    await sender.settle();
    expect(sent).toEqual([[0, 1, 2]]);
  });

  it("stops sending once the API says the run has finished", async () => {
    const sent: number[][] = [];
    const sender = createProgressSender(
      async (seconds) => {
        sent.push(seconds.map((s) => s.second));
        return { accepted: false };
      },
      silentLog,
      {},
    );
    sender.push(second(0));
    await tick();
    sender.push(second(1));
    await sender.settle();
    expect(sent).toEqual([[0]]);
  });

  it("keeps at most ten minutes of seconds while the API is away, dropping the oldest", async () => {
    const sent: number[][] = [];
    let failing = true;
    const sender = createProgressSender(
      async (seconds) => {
        if (failing) throw new Error("down");
        sent.push(seconds.map((s) => s.second));
        return { accepted: true };
      },
      silentLog,
      {},
    );
    for (let n = 0; n < 700; n++) {
      sender.push(second(n));
      await tick();
    }
    failing = false;
    sender.push(second(700));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sender.settle();
    const all = sent.flat();
    expect(all[0]).toBe(101);
    expect(all.at(-1)).toBe(700);
    expect(all).toHaveLength(600);
    // In batches the API accepts.
    expect(Math.max(...sent.map((batch) => batch.length))).toBeLessThanOrEqual(120);
  });
});

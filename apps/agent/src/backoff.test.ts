import { describe, expect, it } from "vitest";
import { backoffDelay, sleep } from "./backoff";

describe("backoffDelay", () => {
  it("stays under an exponential bound that stops at the cap", () => {
    const policy = { baseMs: 100, capMs: 1_000 };
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(799);
    expect(backoffDelay(50, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it("spreads retries: many draws differ", () => {
    const draws = new Set(Array.from({ length: 50 }, () => backoffDelay(6)));
    expect(draws.size).toBeGreaterThan(40);
  });
});

describe("sleep", () => {
  it("ends early when aborted", async () => {
    const controller = new AbortController();
    const began = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(Date.now() - began).toBeLessThan(100);
  });
});

import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { LoadOptionsError, resolveLoadOptions } from "./options";

const valid = { url: "http://127.0.0.1:8080/", durationMs: 1_000 };

function problemsOf(options: unknown): string[] {
  try {
    resolveLoadOptions(options);
  } catch (error) {
    if (error instanceof LoadOptionsError) return error.problems;
    throw error;
  }
  throw new Error("options were accepted");
}

describe("resolveLoadOptions", () => {
  it("fills defaults: GET, 10 connections, one thread per core but no more than connections", () => {
    const options = resolveLoadOptions(valid);
    expect(options).toMatchObject({ method: "GET", connections: 10, pipelining: 1, timeoutMs: 5_000 });
    expect(options.rate).toBeUndefined();
    expect(options.threads).toBe(Math.min(availableParallelism(), 10));
    expect(resolveLoadOptions({ ...valid, connections: 1 }).threads).toBe(1);
  });

  it.each([
    [{ rate: 0 }, "rate must be greater than 0 requests per second"],
    [{ rate: -100 }, "rate must be greater than 0 requests per second"],
    [{ durationMs: 0 }, "durationMs must be greater than 0"],
    [{ durationMs: -5 }, "durationMs must be greater than 0"],
    [{ url: "ftp://example.com/file" }, "url must be an http:// or https:// URL"],
    [{ url: "not a url" }, "url must be an http:// or https:// URL"],
    [{ connections: 0 }, "connections must be at least 1"],
    [{ connections: 2, threads: 3 }, "threads (3) cannot exceed connections (2)"],
    [{ pipelining: 1.5 }, "pipelining must be a whole number"],
    [
      { headers: { "Content-Length": "3" } },
      "Content-Length, Transfer-Encoding and Connection are set by the generator",
    ],
    [{ headers: { "X-Evil": "a\r\nInjected: yes" } }, "header values must not contain line breaks"],
    [{ method: "GET /" }, "method must be an HTTP method token"],
  ])("rejects %j with a message naming the problem", (override, message) => {
    expect(problemsOf({ ...valid, ...override }).join("\n")).toContain(message);
  });

  it("lists every problem at once in the error message", () => {
    expect(() => resolveLoadOptions({ url: "ftp://x", durationMs: -1, rate: 0 })).toThrow(
      /invalid load options: .*url must be an http.*durationMs must be greater than 0.*rate must be greater than 0/,
    );
  });

  it("requires a url and a duration", () => {
    const problems = problemsOf({});
    expect(problems).toContain("url is required");
    expect(problems.join("\n")).toContain("durationMs");
  });
});

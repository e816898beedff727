import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  answerWith,
  type Responder,
  response,
  startTestServer,
  type TestServer,
} from "../testing/test-server";
import { runLoad } from "./run-load";
import { TargetUnreachableError } from "./target";

const servers: TestServer[] = [];
async function serve(respond: Responder): Promise<TestServer> {
  const server = await startTestServer(respond);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.kill()));
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address !== null ? address.port : 0;
}

const short = { durationMs: 400, threads: 1, connections: 2 };

describe("runLoad error classes", () => {
  it("rejects a refused port before starting, naming the target and the socket error", async () => {
    const port = await closedPort();
    const run = runLoad({ ...short, url: `http://127.0.0.1:${port}/` });
    await expect(run).rejects.toThrow(TargetUnreachableError);
    await expect(run).rejects.toThrow(
      `cannot connect to http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it("rejects a host name that does not resolve, naming it", async () => {
    // .invalid never resolves (RFC 2606); without DNS at all the lookup times out instead: either is clear.
    const run = runLoad({ ...short, url: "http://load-target.invalid:8080/", connectTimeoutMs: 1_000 });
    await expect(run).rejects.toThrow(TargetUnreachableError);
    await expect(run).rejects.toThrow(
      /^cannot connect to http:\/\/load-target\.invalid:8080: (.*ENOTFOUND|connect timed out)/,
    );
  });

  it("counts a server that resets connections as reset errors", async () => {
    const server = await serve((_request, socket) => socket.resetAndDestroy());
    const result = await runLoad({ ...short, url: server.url });
    expect(result.requests).toBe(0);
    expect(result.errors.reset).toBeGreaterThan(2);
    expect(result.errorSamples.reset).toMatch(/ECONNRESET|closed the connection/);
    expect(result.endedEarly).toBeNull();
  });

  it("counts a server that never answers as timeouts, and still ends on time", async () => {
    const server = await serve(() => {});
    const started = performance.now();
    const result = await runLoad({ ...short, url: server.url, durationMs: 1_000, timeoutMs: 200 });
    expect(performance.now() - started).toBeLessThan(1_000 + 200 + 1_500);
    expect(result.requests).toBe(0);
    // Each connection gives up after 200 ms and retries: about 4 timeouts each in a second.
    expect(result.errors.timeout).toBeGreaterThanOrEqual(4);
    expect(result.errorSamples.timeout).toBe("no response within 200 ms");
  });

  it("counts a reply that is not HTTP as a protocol error", async () => {
    const server = await serve(answerWith("SSH-2.0-OpenSSH_9.6\r\n\r\n"));
    const result = await runLoad({ ...short, url: server.url });
    expect(result.requests).toBe(0);
    expect(result.errors.protocol).toBeGreaterThan(2);
    expect(result.errorSamples.protocol).toContain("status line");
  });

  for (const model of [{}, { rate: 2_000 }]) {
    const name = "rate" in model ? "open" : "closed";
    it(`ends a run of the ${name} model whose target dies, with a partial result and the cause`, async () => {
      let killedAtEpochMs = Number.NaN;
      const server = await serve((request, socket, answered) => {
        answerWith(response(200))(request, socket, answered);
        // The target dies once it has served 300 requests, well inside the run.
        if (server.requests === 300) {
          killedAtEpochMs = performance.timeOrigin + performance.now();
          void server.kill();
        }
      });
      const started = performance.now();
      const result = await runLoad({
        ...short,
        ...model,
        url: server.url,
        durationMs: 30_000,
        connectTimeoutMs: 500,
      });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.endedEarly?.cause).toMatch(/stopped accepting connections \(connect ECONNREFUSED/);
      // Reconnects fail for connectTimeoutMs (500 ms) after the last answer before the run gives up.
      const killedAtMs = killedAtEpochMs - Date.parse(result.startedAt);
      expect(result.endedEarly?.atMs).toBeGreaterThan(killedAtMs + 450);
      expect(result.endedEarly?.atMs).toBeLessThan(killedAtMs + 1_500);
      expect(result.durationMs).toBe(result.endedEarly?.atMs);
      expect(result.requests).toBeGreaterThanOrEqual(290);
      expect(result.requests).toBeLessThanOrEqual(300);
      expect(result.errors.connect).toBeGreaterThan(0);
      if (name === "open") expect(result.unfinished).toBeGreaterThan(0);
    });
  }
});

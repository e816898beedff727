import { afterEach, describe, expect, it } from "vitest";
import {
  answerWith,
  type Responder,
  response,
  startTestServer,
  TEST_CA,
  type TestServer,
} from "../testing/test-server";
import { runLoad } from "./run-load";
import { TargetUnreachableError } from "./target";

const servers: TestServer[] = [];
async function serve(respond: Responder, options: { tls?: boolean } = {}): Promise<TestServer> {
  const server = await startTestServer(respond, options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.kill()));
});

const short = { durationMs: 400, threads: 1, timeoutMs: 1_000 };
const noErrors = { connect: 0, timeout: 0, reset: 0, protocol: 0, other: 0 };

describe("runLoad over plain HTTP", () => {
  it("reuses its keep-alive connections for every request", async () => {
    const server = await serve(answerWith(response(200)));
    const result = await runLoad({ ...short, url: server.url, connections: 4 });
    expect(result.requests).toBeGreaterThan(100);
    expect(server.requestingConnections).toBe(4);
    expect(result.connectionsOpened).toBe(4);
    expect(result.statusCodes).toEqual({ "200": result.requests });
    expect(result.errors).toEqual(noErrors);
  });

  it("sends the method, path, headers, cookies and body it was given", async () => {
    const server = await serve(answerWith(response(201)));
    await runLoad({
      ...short,
      url: `${server.url}orders?tenant=acme`,
      connections: 1,
      method: "POST",
      headers: { "X-Request-Kind": "load", "Content-Type": "application/json" },
      cookies: { session: "s1", theme: "dark" },
      body: '{"qty":2}',
    });
    const [first] = server.firstRequests;
    expect(first?.head).toMatch(/^POST \/orders\?tenant=acme HTTP\/1\.1\r\n/);
    expect(first?.head).toContain(`\r\nHost: 127.0.0.1:${server.port}\r\n`);
    expect(first?.head).toContain("\r\nX-Request-Kind: load\r\n");
    expect(first?.head).toContain("\r\nCookie: session=s1; theme=dark\r\n");
    expect(first?.body.toString()).toBe('{"qty":2}');
  });

  it("reads chunked responses whose pieces arrive in separate writes", async () => {
    const pieces = [
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
      "lo\r\n6;x=1\r\n world\r",
      "\n0\r\n",
      "\r\n",
    ];
    const server = await serve((_request, socket, answered) => {
      const writeFrom = (index: number) => {
        const piece = pieces[index];
        if (piece === undefined || socket.destroyed) return answered();
        socket.write(piece);
        setImmediate(() => writeFrom(index + 1));
      };
      writeFrom(0);
    });
    const result = await runLoad({ ...short, url: server.url, connections: 2 });
    expect(result.requests).toBeGreaterThan(20);
    expect(result.errors).toEqual(noErrors);
    expect(result.statusCodes).toEqual({ "200": result.requests });
  });

  it("reads answers to HEAD requests without waiting for the body they announce", async () => {
    const server = await serve(answerWith("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"));
    const result = await runLoad({
      ...short,
      url: server.url,
      connections: 2,
      method: "HEAD",
      timeoutMs: 200,
    });
    expect(result.requests).toBeGreaterThan(20);
    expect(result.errors.timeout).toBe(0);
  });

  it("reconnects, without counting errors, when the server closes after each response", async () => {
    const server = await serve((_request, socket, answered) => {
      socket.end(response(200, "bye", "Connection: close\r\n"));
      answered();
    });
    const result = await runLoad({ ...short, url: server.url, connections: 2 });
    expect(result.requests).toBeGreaterThan(10);
    expect(result.errors).toEqual(noErrors);
    expect(result.connectionsOpened).toBeGreaterThanOrEqual(result.requests);
  });

  it("keeps `pipelining` requests in flight per connection", async () => {
    // The server answers only once a connection has 4 requests outstanding: depth 4 flows, depth 1 cannot.
    const gated: Responder = (request, socket, answered) => {
      if (request.unanswered < 3) return;
      socket.write(response(200).repeat(4));
      for (let i = 0; i < 4; i++) answered();
    };
    const server = await serve(gated);
    const pipelined = await runLoad({ ...short, url: server.url, connections: 2, pipelining: 4 });
    expect(pipelined.requests).toBeGreaterThan(100);
    expect(pipelined.requests % 4).toBe(0);
    expect(pipelined.errors).toEqual(noErrors);
    const unpipelined = await runLoad({ ...short, url: server.url, connections: 2, timeoutMs: 100 });
    expect(unpipelined.requests).toBe(0);
    expect(unpipelined.errors.timeout).toBeGreaterThan(0);
  });

  it("counts every status code, and the 4xx/5xx ones per second", async () => {
    const statuses = [200, 404, 503, 200];
    let next = 0;
    const server = await serve((_request, socket, answered) => {
      socket.write(response(statuses[next++ % statuses.length] ?? 200));
      answered();
    });
    const result = await runLoad({ ...short, url: server.url, connections: 1 });
    const { "200": ok = 0, "404": notFound = 0, "503": unavailable = 0 } = result.statusCodes;
    expect(ok + notFound + unavailable).toBe(result.requests);
    expect(notFound).toBeGreaterThan(10);
    expect(Math.abs(ok - 2 * notFound)).toBeLessThanOrEqual(2);
    const failedPerSecond = result.perSecond.reduce((sum, second) => sum + second.failedStatuses, 0);
    expect(failedPerSecond).toBe(notFound + unavailable);
  });

  it("ends early with a partial result when the caller aborts", async () => {
    const server = await serve(answerWith(response(200)));
    const started = performance.now();
    const result = await runLoad(
      { ...short, url: server.url, connections: 2, durationMs: 30_000 },
      { signal: AbortSignal.timeout(300) },
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.endedEarly?.cause).toBe("aborted by the caller");
    expect(result.requests).toBeGreaterThan(0);
    expect(result.durationMs).toBeLessThan(2_000);
  });
});

describe("runLoad over HTTPS", () => {
  it("loads a target with a self-signed certificate once its CA is trusted", async () => {
    const server = await serve(answerWith(response(200)), { tls: true });
    const result = await runLoad({ ...short, url: server.url, connections: 2, tls: { ca: TEST_CA } });
    expect(result.requests).toBeGreaterThan(20);
    expect(result.errors).toEqual(noErrors);
    expect(server.requestingConnections).toBe(2);
  });

  it("checks the certificate against the host name when the URL names one", async () => {
    const server = await serve(answerWith(response(200)), { tls: true });
    const url = `https://localhost:${server.port}/`;
    const result = await runLoad({ ...short, url, connections: 1, tls: { ca: TEST_CA } });
    expect(result.requests).toBeGreaterThan(10);
    expect(server.firstRequests[0]?.head).toContain(`\r\nHost: localhost:${server.port}\r\n`);
  });

  it("refuses an untrusted certificate before starting, unless told to be insecure", async () => {
    const server = await serve(answerWith(response(200)), { tls: true });
    const untrusted = runLoad({ ...short, url: server.url });
    await expect(untrusted).rejects.toThrow(TargetUnreachableError);
    await expect(untrusted).rejects.toThrow(
      /^cannot connect to https:\/\/127\.0\.0\.1:\d+: .*self-signed certificate$/,
    );
    const insecure = await runLoad({ ...short, url: server.url, connections: 1, tls: { insecure: true } });
    expect(insecure.requests).toBeGreaterThan(10);
  });
});

// Test-only: loopback HTTP/1.1 servers on raw sockets whose behaviour a test scripts per request (answers,
// chunking, stalls, resets, silence, garbage), so the generator is always tested against real sockets.
import { readFileSync } from "node:fs";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";

export type ReceivedRequest = {
  /** The request head as text, through its blank line. */
  head: string;
  body: Buffer;
  /** Which accepted connection it came on, counting from 0. */
  connection: number;
  /** How many requests this connection had sent before it that are still unanswered (pipelining). */
  unanswered: number;
};

/** Answers (or not) one request; call `answered()` once its response is written, for the `unanswered` count. */
export type Responder = (request: ReceivedRequest, socket: Socket, answered: () => void) => void;

export type TestServer = {
  url: string;
  port: number;
  /** Connections accepted, including ones that never sent a request (such as the run's preflight check). */
  connections: number;
  /** Connections that sent at least one request. */
  requestingConnections: number;
  requests: number;
  /** The first requests received, kept for assertions about their bytes. */
  firstRequests: ReceivedRequest[];
  /** Stops listening and destroys every connection: the target dies. */
  kill(): Promise<void>;
};

const KEPT_REQUESTS = 20;
export const TEST_CA = readFileSync(new URL("./tls-cert.pem", import.meta.url), "utf8");

export function response(status: number, body = "ok", headers = ""): string {
  return `HTTP/1.1 ${status} X\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`;
}

/** Answers every request at once with `text`. */
export const answerWith =
  (text: string): Responder =>
  (_request, socket, answered) => {
    socket.write(text);
    answered();
  };

export async function startTestServer(
  respond: Responder,
  options: { tls?: boolean } = {},
): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state = { connections: 0, requestingConnections: 0, requests: 0 };
  const firstRequests: ReceivedRequest[] = [];
  const onConnection = (socket: Socket) => {
    const connection = state.connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let unanswered = 0;
    let requested = false;
    readRequests(socket, (head, body) => {
      state.requests += 1;
      if (!requested) state.requestingConnections += 1;
      requested = true;
      const request = { head, body, connection, unanswered };
      if (firstRequests.length < KEPT_REQUESTS) firstRequests.push(request);
      unanswered += 1;
      respond(request, socket, () => {
        unanswered -= 1;
      });
    });
  };
  const server: Server = options.tls
    ? createTlsServer(
        { key: readFileSync(new URL("./tls-key.pem", import.meta.url)), cert: TEST_CA },
        onConnection,
      )
    : createTcpServer({ noDelay: true }, onConnection);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}/`,
    port,
    get connections() {
      return state.connections;
    },
    get requestingConnections() {
      return state.requestingConnections;
    },
    get requests() {
      return state.requests;
    },
    firstRequests,
    kill: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

// Splits the byte stream into requests: a head, then as many body bytes as its Content-Length says.
function readRequests(socket: Socket, onRequest: (head: string, body: Buffer) => void): void {
  let pending = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const headEnd = pending.indexOf("\r\n\r\n");
      if (headEnd === -1) return;
      const head = pending.subarray(0, headEnd + 4).toString("latin1");
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (pending.length < headEnd + 4 + length) return;
      const body = pending.subarray(headEnd + 4, headEnd + 4 + length);
      pending = pending.subarray(headEnd + 4 + length);
      onRequest(head, body);
    }
  });
}

// Owns the agent's HTTP health endpoints (/healthz liveness, /readyz readiness) on node:http.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type AgentState = "starting" | "running" | "draining" | "stopped";

export interface HealthSource {
  version: string;
  startedAt: number;
  state(): AgentState;
  /** Where the channel to Meshplane is; informational, as an unreachable API is no reason to restart. */
  channel(): string;
}

export interface HealthServer {
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

function statusBody(source: HealthSource) {
  return {
    version: source.version,
    state: source.state(),
    uptimeSeconds: Math.floor((Date.now() - source.startedAt) / 1000),
    channel: source.channel(),
  };
}

function handle(source: HealthSource, req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://agent.local").pathname;
  if (path !== "/healthz" && path !== "/readyz") {
    sendJson(res, 404, { error: { code: "not_found", message: `no route for ${path}` } });
    return;
  }
  // HEAD is what some probes and load balancers send; it gets the GET status without a body.
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(res, 405, { error: { code: "method_not_allowed", message: "use GET" } }, { allow: "GET, HEAD" });
    return;
  }
  const state = source.state();
  // Liveness only fails once stopped: a draining agent is busy, and restarting it would cut work short.
  const healthy = path === "/healthz" ? state !== "stopped" : state === "running";
  sendJson(res, healthy ? 200 : 503, statusBody(source));
}

export function createHealthServer(source: HealthSource): HealthServer {
  const server = createServer((req, res) => handle(source, req, res));
  // Probes are tiny; a slow client must not hold a socket open through shutdown.
  server.requestTimeout = 5_000;
  server.headersTimeout = 5_000;

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets from kubelet would otherwise keep close() pending until they time out.
        server.closeAllConnections();
      });
    },
  };
}

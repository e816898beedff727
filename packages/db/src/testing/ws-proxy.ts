// A WebSocket-to-TCP proxy, as Neon documents for local development: each WebSocket carries one PostgreSQL
// connection, its binary frames piped to and from the server's TCP port.

import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { WebSocketServer } from "ws";

export type WsProxy = {
  /** `host:port/v1`, the form Neon's `wsProxy` setting expects. */
  address: string;
  port: number;
  close: () => Promise<void>;
};

export async function startWsProxy(target: { host: string; port: number }): Promise<WsProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0, path: "/v1" });
  server.on("connection", (socket) => {
    const tcp = connect(target.port, target.host);
    const pending: Buffer[] = [];
    tcp.on("connect", () => {
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    socket.on("message", (data: Buffer) => {
      if (tcp.connecting) pending.push(data);
      else tcp.write(data);
    });
    tcp.on("data", (chunk) => socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.terminate());
    socket.on("close", () => tcp.destroy());
    socket.on("error", () => tcp.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}/v1`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** Host and port of a postgres:// URL, for the proxy's target. */
export function tcpTargetOf(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || "127.0.0.1", port: Number(parsed.port || 5432) };
}

// A real HTTP server on loopback that answers /api/health as the tests need, in place of the API.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeApi = { url: string; close: () => Promise<void> };

export async function startFakeApi(
  answer: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<FakeApi> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export const healthyBody = {
  status: "ok",
  version: "9.9.9-test",
  runtime: "node",
  mode: "one-machine",
  database: { ok: true, latencyMs: 1.25, serverVersion: "15.99-test", migrations: 7 },
};

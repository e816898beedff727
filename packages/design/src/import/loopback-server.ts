// A real HTTP server on 127.0.0.1 for the URL import tests: content, redirects, huge and stalled answers.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type LoopbackServer = {
  origin: string;
  port: number;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Whether the client hung up before a huge body was fully sent. */
  hugeBodyCutShort: () => boolean;
  close: () => Promise<void>;
};

export const HUGE_BODY_BYTES = 20 * 1024 * 1024;

export async function startLoopbackServer(
  files: Record<string, string | Uint8Array>,
): Promise<LoopbackServer> {
  const requests: string[] = [];
  let cutShort = false;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://loopback");
    requests.push(url.pathname);
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const left = Number(hop[1]);
      response.writeHead(302, { location: left > 1 ? `/hop/${left - 1}` : "/compose.yaml" }).end();
    } else if (url.pathname === "/redirect") {
      response.writeHead(307, { location: url.searchParams.get("to") ?? "/" }).end();
    } else if (url.pathname === "/huge") {
      const chunk = new Uint8Array(64 * 1024).fill(0x61);
      let sent = 0;
      response.on("close", () => {
        cutShort = sent < HUGE_BODY_BYTES;
      });
      const pump = () => {
        while (sent < HUGE_BODY_BYTES) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      response.writeHead(200, { "content-type": "application/yaml" });
      pump();
    } else if (url.pathname === "/declared-huge") {
      response.writeHead(200, { "content-length": String(HUGE_BODY_BYTES) }).write("a");
    } else if (url.pathname === "/stall") {
      // Never answers: the client's timeout has to end the exchange.
    } else if (url.pathname === "/stall-body") {
      response.writeHead(200, { "content-type": "application/yaml" }).write("services:\n");
    } else if (url.pathname === "/download") {
      const body = files["/download"] ?? "";
      response
        .writeHead(200, { "content-disposition": 'attachment; filename="../../podinfo-6.7.1.tgz"' })
        .end(body);
    } else if (files[url.pathname] !== undefined) {
      response.writeHead(200, { "content-type": "application/yaml" }).end(files[url.pathname]);
    } else {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    hugeBodyCutShort: () => cutShort,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The benchmark's target: a minimal keep-alive HTTP/1.1 responder on raw sockets, fast enough that the
// clients, not the server, set the pace. It answers every request head (counted by its blank line) with a
// fixed 200, and ignores request bodies, which the benchmark never sends.
import { createServer } from "node:net";

const RESPONSE = Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok");
const HEAD_END = Buffer.from("\r\n\r\n");
// Enough pre-built copies that one write answers a whole pipelined batch.
const MAX_BATCH = 64;
const RESPONSES = Buffer.concat(Array.from({ length: MAX_BATCH }, () => RESPONSE));

const server = createServer({ noDelay: true }, (socket) => {
  // Bytes of a request head split across reads; a head seldom is, so this stays empty.
  let carry = Buffer.alloc(0);
  socket.on("data", (chunk) => {
    const data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    let count = 0;
    let from = 0;
    for (;;) {
      const end = data.indexOf(HEAD_END, from);
      if (end === -1) break;
      count += 1;
      from = end + 4;
    }
    carry = from === data.length ? Buffer.alloc(0) : data.subarray(from);
    while (count > 0) {
      const batch = Math.min(count, MAX_BATCH);
      socket.write(batch === 1 ? RESPONSE : RESPONSES.subarray(0, batch * RESPONSE.length));
      count -= batch;
    }
  });
  socket.on("error", () => socket.destroy());
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  // The parent reads the port from this first line.
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`,
  );
});
process.on("SIGTERM", () => process.exit(0));

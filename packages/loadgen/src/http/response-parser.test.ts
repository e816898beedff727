import { describe, expect, it } from "vitest";
import { ResponseParser } from "./response-parser";

const KEEP_ALIVE_STREAM = [
  "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello",
  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nA;name=value\r\n0123456789\r\n0\r\nX-Checksum: 1\r\n\r\n",
  "HTTP/1.1 204 No Content\r\nServer: test\r\n\r\n",
  "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n",
  "HTTP/1.1 404 Not Found\r\nCONTENT-LENGTH: 3\r\n\r\nnah",
  "HTTP/1.1 503 Service Unavailable\r\ntransfer-encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
].join("");
const KEEP_ALIVE_STATUSES = [200, 200, 204, 201, 404, 503];

type Seen = { status: number; keepAlive: boolean };

function parserRecording(bodiless = false): { parser: ResponseParser; seen: Seen[] } {
  const seen: Seen[] = [];
  const parser = new ResponseParser((status, keepAlive) => seen.push({ status, keepAlive }), bodiless);
  return { parser, seen };
}

// Feeds each piece the way a socket's reused read buffer does: at offset 0, with stale bytes after it that
// look like the end of a head, so a parser reading past `end` would be caught.
function feed(parser: ResponseParser, pieces: Buffer[]): boolean {
  const reused = Buffer.alloc(64 * 1024, "\r\n\r\n");
  for (const piece of pieces) {
    reused.fill("\r\n\r\n");
    piece.copy(reused, 0);
    if (!parser.execute(reused, 0, piece.length)) return false;
  }
  return true;
}

describe("ResponseParser", () => {
  it("frames Content-Length, chunked, bodiless and interim responses read in one piece", () => {
    const { parser, seen } = parserRecording();
    expect(feed(parser, [Buffer.from(KEEP_ALIVE_STREAM)])).toBe(true);
    expect(seen.map((s) => s.status)).toEqual(KEEP_ALIVE_STATUSES);
    expect(seen.every((s) => s.keepAlive)).toBe(true);
    expect(parser.betweenResponses).toBe(true);
  });

  it("gives the same responses however the bytes are split, down to one byte per read", () => {
    const bytes = Buffer.from(KEEP_ALIVE_STREAM);
    const { parser: byByte, seen: byByteSeen } = parserRecording();
    expect(
      feed(
        byByte,
        Array.from(bytes, (byte) => Buffer.from([byte])),
      ),
    ).toBe(true);
    expect(byByteSeen.map((s) => s.status)).toEqual(KEEP_ALIVE_STATUSES);
    for (let split = 1; split < bytes.length; split++) {
      const { parser, seen } = parserRecording();
      expect(feed(parser, [bytes.subarray(0, split), bytes.subarray(split)]), `split at ${split}`).toBe(true);
      expect(
        seen.map((s) => s.status),
        `split at ${split}`,
      ).toEqual(KEEP_ALIVE_STATUSES);
    }
  });

  it("reports a response as not kept alive when the server says close or speaks HTTP/1.0", () => {
    for (const head of [
      "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
      "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
    ]) {
      const { parser, seen } = parserRecording();
      expect(feed(parser, [Buffer.from(head)])).toBe(true);
      expect(seen).toEqual([{ status: 200, keepAlive: false }]);
    }
    const { parser, seen } = parserRecording();
    feed(parser, [Buffer.from("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")]);
    expect(seen).toEqual([{ status: 200, keepAlive: true }]);
  });

  it("ends a body without length only when the connection closes", () => {
    const { parser, seen } = parserRecording();
    expect(feed(parser, [Buffer.from("HTTP/1.1 200 OK\r\n\r\nstreamed until "), Buffer.from("close")])).toBe(
      true,
    );
    expect(seen).toEqual([]);
    expect(parser.finishAtClose()).toBe(true);
    expect(seen).toEqual([{ status: 200, keepAlive: false }]);
  });

  it("ignores the announced body of answers to HEAD requests", () => {
    const { parser, seen } = parserRecording(true);
    const twoHeads = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".repeat(2);
    expect(feed(parser, [Buffer.from(twoHeads)])).toBe(true);
    expect(seen.map((s) => s.status)).toEqual([200, 200]);
  });

  it("knows a close mid-response from a close between responses", () => {
    const { parser } = parserRecording();
    feed(parser, [Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf")]);
    expect(parser.betweenResponses).toBe(false);
    expect(parser.finishAtClose()).toBe(false);
  });

  for (const [name, stream, reason] of [
    ["a non-HTTP reply", "SSH-2.0-OpenSSH_9.6\r\n\r\n", "status line"],
    ["a non-numeric status", "HTTP/1.1 2x0 OK\r\n\r\n", "status code"],
    ["a bad Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n", "Content-Length"],
    ["a bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"],
    [
      "a chunk longer than its size",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
      "longer",
    ],
    ["a protocol switch", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", "switched"],
  ] as const) {
    it(`rejects ${name} with a reason`, () => {
      const { parser, seen } = parserRecording();
      expect(feed(parser, [Buffer.from(stream)])).toBe(false);
      expect(parser.error).toContain(reason);
      expect(seen).toEqual([]);
    });
  }

  it("rejects a head that never ends instead of buffering without bound", () => {
    const seen: number[] = [];
    const parser = new ResponseParser((status) => seen.push(status), false, 1024);
    const endless = Buffer.from(`HTTP/1.1 200 OK\r\nX-Padding: ${"a".repeat(2048)}`);
    expect(feed(parser, [endless.subarray(0, 600), endless.subarray(600)])).toBe(false);
    expect(parser.error).toContain("exceeds 1024 bytes");
  });
});

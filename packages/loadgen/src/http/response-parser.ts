// Owns HTTP/1.1 response framing: reads status, Content-Length, chunked and close-delimited bodies and
// keep-alive straight from the socket's bytes, incrementally, without decoding them to strings.
import {
  containsLowercase,
  digitAt,
  endsWithLowercase,
  hexValue,
  matchesLowercase,
  parseDecimal,
  skipSpaces,
} from "./header-bytes";

const HEAD = 0;
const BODY_LENGTH = 1;
const CHUNK_SIZE = 2;
const CHUNK_EXTENSION = 3;
const CHUNK_DATA = 4;
const CHUNK_DATA_END = 5;
const TRAILER = 6;
const BODY_UNTIL_CLOSE = 7;
// After a response that closes the connection: whatever follows is not ours to read.
const DONE = 8;

const CR = 0x0d;
const LF = 0x0a;
const CONTENT_LENGTH = Buffer.from("content-length");
const TRANSFER_ENCODING = Buffer.from("transfer-encoding");
const CONNECTION = Buffer.from("connection");
const CHUNKED = Buffer.from("chunked");
const CLOSE = Buffer.from("close");
const KEEP_ALIVE = Buffer.from("keep-alive");
// Chunk sizes beyond this are not a load test's responses but a corrupt stream.
const MAX_CHUNK_SIZE = 2 ** 40;

/** Called once per final (non-1xx) response, as soon as its last byte is read. */
export type ResponseCallback = (status: number, keepAlive: boolean) => void;

export class ResponseParser {
  /** Why the stream is not HTTP, once `execute` has returned false. */
  error = "";
  private state = HEAD;
  // The start of a response head split across reads; the read buffer is reused, so it is copied here.
  private carry: Buffer | null = null;
  private status = 0;
  private keepAlive = true;
  private remaining = 0;
  private chunkDigits = 0;
  private trailerLineLength = 0;

  constructor(
    private readonly onResponse: ResponseCallback,
    /** Answers to HEAD requests have no body whatever their headers announce. */
    private readonly bodiless = false,
    private readonly maxHeadBytes = 64 * 1024,
  ) {}

  /** Whether the parser sits between responses, so a closing socket loses nothing. */
  get betweenResponses(): boolean {
    return this.state === HEAD && this.carry === null;
  }

  /** Forgets any partial response: for a new connection. */
  reset(): void {
    this.state = HEAD;
    this.carry = null;
    this.error = "";
  }

  /** Parses bytes [start, end) of `input`; false (with `error` set) when they are not an HTTP response. */
  execute(input: Buffer, start: number, end: number): boolean {
    let data = input;
    let pos = start;
    let last = end;
    while (pos < last) {
      switch (this.state) {
        case HEAD: {
          if (this.carry !== null) {
            data = Buffer.concat([this.carry, data.subarray(pos, last)]);
            this.carry = null;
            pos = 0;
            last = data.length;
          }
          const headEnd = findHeadEnd(data, pos, last);
          if (headEnd === -1) {
            if (last - pos > this.maxHeadBytes)
              return this.fail(`response head exceeds ${this.maxHeadBytes} bytes`);
            this.carry = Buffer.from(data.subarray(pos, last));
            return true;
          }
          if (!this.readHead(data, pos, headEnd + 2)) return false;
          pos = headEnd + 4;
          break;
        }
        case BODY_LENGTH: {
          const taken = Math.min(this.remaining, last - pos);
          this.remaining -= taken;
          pos += taken;
          if (this.remaining === 0) this.complete();
          break;
        }
        case CHUNK_DATA: {
          const taken = Math.min(this.remaining, last - pos);
          this.remaining -= taken;
          pos += taken;
          if (this.remaining === 0) this.state = CHUNK_DATA_END;
          break;
        }
        case BODY_UNTIL_CLOSE:
        case DONE:
          pos = last;
          break;
        default:
          if (!this.readFramingByte(data[pos] ?? 0)) return false;
          pos += 1;
      }
    }
    return true;
  }

  /** The connection closed: ends a close-delimited body. True when that completed a response. */
  finishAtClose(): boolean {
    if (this.state !== BODY_UNTIL_CLOSE) return false;
    this.complete();
    return true;
  }

  // Chunk sizes, chunk ends and trailers: the byte-by-byte part of chunked framing.
  private readFramingByte(byte: number): boolean {
    switch (this.state) {
      case CHUNK_SIZE: {
        const digit = hexValue(byte);
        if (digit >= 0) {
          this.remaining = this.remaining * 16 + digit;
          this.chunkDigits += 1;
          if (this.remaining > MAX_CHUNK_SIZE) return this.fail("chunk size too large");
          return true;
        }
        if (byte === 0x3b || byte === 0x20 || byte === 0x09) {
          this.state = CHUNK_EXTENSION;
          return true;
        }
        if (byte === CR) return true;
        if (byte === LF) return this.endChunkSizeLine();
        return this.fail("invalid chunk size");
      }
      case CHUNK_EXTENSION:
        return byte === LF ? this.endChunkSizeLine() : true;
      case CHUNK_DATA_END:
        if (byte === CR) return true;
        if (byte !== LF) return this.fail("chunk data longer than its size");
        this.startChunk();
        return true;
      case TRAILER:
        if (byte === LF) {
          if (this.trailerLineLength === 0) this.complete();
          this.trailerLineLength = 0;
        } else if (byte !== CR) this.trailerLineLength += 1;
        return true;
      default:
        return this.fail("parser in an unknown state");
    }
  }

  private endChunkSizeLine(): boolean {
    if (this.chunkDigits === 0) return this.fail("missing chunk size");
    if (this.remaining === 0) {
      this.state = TRAILER;
      this.trailerLineLength = 0;
    } else this.state = CHUNK_DATA;
    return true;
  }

  private startChunk(): void {
    this.state = CHUNK_SIZE;
    this.remaining = 0;
    this.chunkDigits = 0;
  }

  // Reads the status line and the three headers that decide framing; [start, end) ends with the last CRLF.
  private readHead(data: Buffer, start: number, end: number): boolean {
    if (
      end - start < 14 ||
      data[start] !== 0x48 ||
      data[start + 4] !== 0x2f ||
      data[start + 5] !== 0x31 ||
      data[start + 8] !== 0x20
    ) {
      return this.fail("response does not start with an HTTP/1.x status line");
    }
    const status =
      digitAt(data, start + 9) * 100 + digitAt(data, start + 10) * 10 + digitAt(data, start + 11);
    if (!(status >= 100 && status <= 999)) return this.fail("invalid status code");
    this.status = status;
    this.keepAlive = data[start + 7] !== 0x30;
    let contentLength = -1;
    let chunked = false;
    let lineStart = lineEndAt(data, start, end) + 1;
    while (lineStart < end) {
      const lineEnd = lineEndAt(data, lineStart, end);
      const colon = colonAt(data, lineStart, lineEnd);
      if (colon > 0) {
        const nameLength = colon - lineStart;
        const valueStart = skipSpaces(data, colon + 1, lineEnd);
        const valueEnd = lineEnd - (data[lineEnd - 1] === CR ? 1 : 0);
        if (nameLength === 14 && matchesLowercase(data, lineStart, CONTENT_LENGTH)) {
          contentLength = parseDecimal(data, valueStart, valueEnd);
          if (contentLength < 0) return this.fail("invalid Content-Length");
        } else if (nameLength === 17 && matchesLowercase(data, lineStart, TRANSFER_ENCODING)) {
          chunked = endsWithLowercase(data, valueStart, valueEnd, CHUNKED);
          // Another final coding means the body runs until the connection closes (RFC 9112 6.3).
          if (!chunked) contentLength = -2;
        } else if (nameLength === 10 && matchesLowercase(data, lineStart, CONNECTION)) {
          if (containsLowercase(data, valueStart, valueEnd, CLOSE)) this.keepAlive = false;
          else if (containsLowercase(data, valueStart, valueEnd, KEEP_ALIVE)) this.keepAlive = true;
        }
      }
      lineStart = lineEnd + 1;
    }
    if (status < 200) {
      // 101 would hand the socket to another protocol, which a load run cannot follow.
      if (status === 101) return this.fail("server switched protocols");
      return true;
    }
    if (this.bodiless || status === 204 || status === 304) this.complete();
    else if (chunked) this.startChunk();
    else if (contentLength >= 0) {
      this.remaining = contentLength;
      if (contentLength === 0) this.complete();
      else this.state = BODY_LENGTH;
    } else {
      this.keepAlive = false;
      this.state = BODY_UNTIL_CLOSE;
    }
    return true;
  }

  private complete(): void {
    this.state = this.keepAlive ? HEAD : DONE;
    this.onResponse(this.status, this.keepAlive);
  }

  private fail(reason: string): false {
    this.error = reason;
    this.state = DONE;
    return false;
  }
}

// Plain loops, not Buffer#indexOf: heads are short, and a native call per search costs more than the scan.
// Returns where the blank line's CRLF begins (the CRLFCRLF's start), or -1 if it is not within [from, last).
function findHeadEnd(data: Buffer, from: number, last: number): number {
  for (let index = from + 3; index < last; index++) {
    if (data[index] === LF && data[index - 1] === CR && data[index - 2] === LF && data[index - 3] === CR) {
      return index - 3;
    }
  }
  return -1;
}

function lineEndAt(data: Buffer, from: number, end: number): number {
  let index = from;
  while (index < end && data[index] !== LF) index++;
  return index;
}

function colonAt(data: Buffer, from: number, lineEnd: number): number {
  for (let index = from; index < lineEnd; index++) if (data[index] === 0x3a) return index;
  return -1;
}

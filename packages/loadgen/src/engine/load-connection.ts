// Owns one connection of a load thread: its socket, the requests in flight on it with their intended and
// actual send times, and, in the open model, its slice of the schedule.
import { connect as connectTcp, type Socket } from "node:net";
import { connect as connectTls } from "node:tls";
import { ResponseParser } from "../http/response-parser";
import { classifySocketError, describeError, type ErrorClass } from "./error-classes";
import type { ThreadConfig } from "./thread-messages";

/** What a connection needs from its thread; kept narrow so the thread owns timing and accounting. */
export interface ConnectionOwner {
  readonly config: ThreadConfig;
  /** One read buffer shared by the thread's plain sockets: reads are parsed synchronously, so none overlap. */
  readonly readBuffer: Buffer;
  /** Pre-built writes of 1..pipelining requests. */
  readonly batches: Buffer[];
  /** Sending: between the common start and the end of the run. */
  readonly running: boolean;
  /** Over: connections that break stay closed. Before the start they are redialled like during the run. */
  readonly finished: boolean;
  acceptsResponseAt(now: number): boolean;
  connected(connection: LoadConnection, now: number): void;
  connectFailed(connection: LoadConnection, now: number, message: string): void;
  responded(now: number, intendedAt: number, sentAt: number, status: number): void;
  failed(now: number, errorClass: ErrorClass, message: string, requests: number): void;
  afterRead(connection: LoadConnection, now: number): void;
}

const IDLE = 0;
const CONNECTING = 1;
const OPEN = 2;

export class LoadConnection {
  /** Open model: when this connection's next request is due; it advances by `interval` per send. */
  nextDueAt = Number.POSITIVE_INFINITY;
  inFlight = 0;
  connectStartedAt = 0;
  private state = IDLE;
  private socket: Socket | null = null;
  private readonly parser: ResponseParser;
  private readonly intendedAt: Float64Array;
  private readonly sentAt: Float64Array;
  private head = 0;
  // Set when the server announced the end of the connection: nothing more may be sent on it.
  private closing = false;
  private unsolicited = false;
  private now = 0;

  constructor(
    private readonly owner: ConnectionOwner,
    /** Open model: milliseconds between this connection's scheduled requests. */
    readonly interval: number,
  ) {
    const depth = owner.config.pipelining;
    this.intendedAt = new Float64Array(depth);
    this.sentAt = new Float64Array(depth);
    this.parser = new ResponseParser(
      (status, keepAlive) => this.onResponse(status, keepAlive),
      owner.config.bodiless,
    );
  }

  get isOpen(): boolean {
    return this.state === OPEN;
  }

  get isConnecting(): boolean {
    return this.state === CONNECTING;
  }

  /** Whether the next request could go out now if it were due. */
  get canSend(): boolean {
    return this.state === OPEN && !this.closing && this.inFlight < this.intendedAt.length;
  }

  /** When the oldest request in flight was written. */
  get oldestSentAt(): number {
    return this.sentAt[this.head] ?? 0;
  }

  open(now: number): void {
    const { host, port, tls } = this.owner.config;
    this.state = CONNECTING;
    this.connectStartedAt = now;
    this.closing = false;
    this.unsolicited = false;
    this.head = 0;
    this.inFlight = 0;
    this.parser.reset();
    const socket =
      tls === null
        ? connectTcp({
            host,
            port,
            noDelay: true,
            onread: { buffer: this.owner.readBuffer, callback: (bytes) => this.onRead(bytes) },
          })
        : connectTls({
            host,
            port,
            servername: tls.servername || undefined,
            ca: tls.ca,
            rejectUnauthorized: tls.rejectUnauthorized,
          });
    this.socket = socket;
    socket.once(tls === null ? "connect" : "secureConnect", () => {
      if (this.socket !== socket) return;
      if (tls !== null) socket.setNoDelay(true);
      this.state = OPEN;
      this.owner.connected(this, performance.now());
    });
    if (tls !== null) socket.on("data", (chunk: Buffer) => this.onBytes(chunk, chunk.length));
    socket.on("error", (error) => {
      if (this.socket !== socket) return;
      this.lose(classifySocketError(error, this.state === OPEN), describeError(error));
    });
    socket.on("close", () => {
      if (this.socket !== socket) return;
      this.onServerClose();
    });
  }

  /** Sends what is due: everything the pipeline allows (closed model) or the schedule says (open model). */
  fill(now: number): void {
    if (!this.canSend || !this.owner.running) return;
    const depth = this.intendedAt.length;
    let count = 0;
    if (this.owner.config.rate === null) {
      for (; this.inFlight < depth; count += 1) this.push(now, now);
    } else {
      while (this.inFlight < depth && this.nextDueAt <= now) {
        this.push(this.nextDueAt, now);
        this.nextDueAt += this.interval;
        count += 1;
      }
    }
    const batch = this.owner.batches[count - 1];
    if (batch !== undefined) this.socket?.write(batch);
  }

  /** Gives up on the requests in flight as `errorClass` and starts over on a new socket. */
  lose(errorClass: ErrorClass, message: string): void {
    const now = performance.now();
    const wasOpen = this.state === OPEN;
    this.drop();
    if (!wasOpen) {
      this.owner.connectFailed(this, now, message);
      return;
    }
    this.owner.failed(now, errorClass, message, this.inFlight);
    this.inFlight = 0;
    if (!this.owner.finished) this.open(now);
  }

  /** Closes the socket without a word: the run is over or a timeout gave up on it. */
  drop(): void {
    const socket = this.socket;
    this.socket = null;
    this.state = IDLE;
    socket?.destroy();
  }

  private onRead(bytes: number): boolean {
    this.onBytes(this.owner.readBuffer, bytes);
    return true;
  }

  private onBytes(data: Buffer, length: number): void {
    // One clock read per read event, not per batch of events, keeps tail timing honest (perf notes §3.8).
    this.now = performance.now();
    if (!this.parser.execute(data, 0, length) || this.unsolicited) {
      this.lose("protocol", this.unsolicited ? "response to no request" : this.parser.error);
      return;
    }
    if (this.closing) {
      this.endAnnounced();
      return;
    }
    this.owner.afterRead(this, this.now);
  }

  private onResponse(status: number, keepAlive: boolean): void {
    if (this.inFlight === 0) {
      this.unsolicited = true;
      return;
    }
    const slot = this.head;
    this.head = (this.head + 1) % this.intendedAt.length;
    this.inFlight -= 1;
    if (this.owner.acceptsResponseAt(this.now)) {
      this.owner.responded(
        this.now,
        this.intendedAt[slot] ?? this.now,
        this.sentAt[slot] ?? this.now,
        status,
      );
    }
    if (!keepAlive) this.closing = true;
  }

  // The server said this response is its last: requests pipelined behind it will never be answered.
  private endAnnounced(): void {
    const unanswered = this.inFlight;
    this.drop();
    this.inFlight = 0;
    const message = "server closed the connection with requests pipelined";
    if (unanswered > 0) this.owner.failed(this.now, "reset", message, unanswered);
    if (!this.owner.finished) this.open(this.now);
  }

  private onServerClose(): void {
    const now = performance.now();
    this.now = now;
    if (this.state !== OPEN) {
      this.lose("connect", "connection closed before it was established");
      return;
    }
    if (this.parser.finishAtClose()) {
      this.endAnnounced();
      return;
    }
    this.lose("reset", "server closed the connection before answering");
  }

  private push(intendedAt: number, sentAt: number): void {
    const slot = (this.head + this.inFlight) % this.intendedAt.length;
    this.intendedAt[slot] = intendedAt;
    this.sentAt[slot] = sentAt;
    this.inFlight += 1;
  }
}

// Owns one load thread's run: opening its connections, pacing them (closed or open model), timeouts, the
// end of the run, and deciding that the target is gone.
import type { EventLoopUtilization } from "node:perf_hooks";
import { requestBatches } from "../http/request-bytes";
import type { ErrorClass } from "./error-classes";
import { type ConnectionOwner, LoadConnection } from "./load-connection";
import type { EndedEarly, FromThread, ThreadConfig } from "./thread-messages";
import { ThreadRecorder } from "./thread-recorder";

// Pause before redialling after a failed connect, so a dead target is not hammered with SYNs.
const RECONNECT_DELAY_MS = 100;

export class LoadThread implements ConnectionOwner {
  readonly readBuffer = Buffer.allocUnsafe(64 * 1024);
  readonly batches: Buffer[];
  running = false;
  finished = false;
  private readonly connections: LoadConnection[];
  private readonly recorder: ThreadRecorder;
  private readonly isOpenModel: boolean;
  private startAt = Number.NaN;
  private endAt = Number.POSITIVE_INFINITY;
  // The last time any connection connected or answered; a target silent for connectTimeoutMs is gone.
  private lastHealthyAt = 0;
  private connectionsOpened = 0;
  private loopAtStart: EventLoopUtilization | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private tickDueAt = Number.POSITIVE_INFINITY;
  private scanTimer: NodeJS.Timeout | null = null;
  private endTimer: NodeJS.Timeout | null = null;
  private readonly unsettled = new Set<LoadConnection>();
  private onSettled: (() => void) | null = null;

  constructor(
    readonly config: ThreadConfig,
    private readonly send: (message: FromThread) => void,
  ) {
    this.batches = requestBatches(config.request, config.pipelining);
    this.isOpenModel = config.rate !== null;
    // Each connection carries 1/N of the rate: one request every N/rate seconds.
    const interval = config.rate === null ? 0 : (config.totalConnections * 1000) / config.rate;
    this.connections = Array.from({ length: config.connections }, () => new LoadConnection(this, interval));
    this.recorder = new ThreadRecorder((sample) => this.send({ type: "second", sample }));
  }

  /** Dials every connection; resolves once each has connected or failed once. */
  connect(): Promise<void> {
    const now = performance.now();
    const scanEvery = Math.min(
      250,
      Math.max(5, Math.min(this.config.timeoutMs, this.config.connectTimeoutMs) / 10),
    );
    this.scanTimer = setInterval(() => this.scanForTimeouts(), scanEvery);
    const settled = new Promise<void>((resolve) => {
      this.onSettled = resolve;
    });
    for (const connection of this.connections) {
      this.unsettled.add(connection);
      connection.open(now);
    }
    return settled;
  }

  /** Starts the clock at `startAt` (performance.now() time, shared with the other threads through the epoch). */
  start(startAt: number): void {
    if (this.finished) return;
    this.startAt = startAt;
    this.endAt = startAt + this.config.durationMs;
    this.lastHealthyAt = startAt;
    this.recorder.begin(startAt);
    this.loopAtStart = performance.eventLoopUtilization();
    this.running = true;
    const { rate, firstConnection } = this.config;
    // Staggered by the run-wide connection number, so the threads' arrivals interleave into one even stream.
    if (rate !== null) {
      this.connections.forEach((connection, i) => {
        connection.nextDueAt = startAt + ((firstConnection + i) * 1000) / rate;
      });
    }
    const now = performance.now();
    for (const connection of this.connections) connection.fill(now);
    if (this.isOpenModel) this.tick();
    this.endTimer = setTimeout(() => this.stop(null), Math.max(0, this.endAt - now));
  }

  /** Ends the run now (early when `cause` is given) and sends the report. */
  stop(cause: string | null): void {
    if (this.finished) return;
    this.finished = true;
    this.running = false;
    const now = performance.now();
    if (Number.isNaN(this.startAt)) this.startAt = now;
    const endAt = Math.min(now, this.endAt);
    for (const timer of [this.tickTimer, this.endTimer]) if (timer !== null) clearTimeout(timer);
    if (this.scanTimer !== null) clearInterval(this.scanTimer);
    let unfinished = 0;
    for (const connection of this.connections) {
      unfinished += connection.inFlight;
      if (this.isOpenModel && connection.nextDueAt < endAt) {
        unfinished += Math.ceil((endAt - connection.nextDueAt) / connection.interval);
      }
      connection.drop();
    }
    this.recorder.finish(endAt);
    const elapsedMs = endAt - this.startAt;
    const busy =
      this.loopAtStart === null ? 0 : performance.eventLoopUtilization(this.loopAtStart).utilization;
    const endedEarly: EndedEarly | null = cause === null ? null : { atMs: elapsedMs, cause };
    const { connectionsOpened } = this;
    this.send({
      type: "done",
      report: this.recorder.report({ unfinished, connectionsOpened, elapsedMs, busy, endedEarly }),
    });
  }

  acceptsResponseAt(now: number): boolean {
    return now < this.endAt;
  }

  connected(connection: LoadConnection, now: number): void {
    this.connectionsOpened += 1;
    this.lastHealthyAt = now;
    this.settle(connection);
    if (this.running) this.afterRead(connection, now);
  }

  connectFailed(connection: LoadConnection, now: number, message: string): void {
    this.recorder.recordError(now, "connect", message);
    this.settle(connection);
    if (this.finished) return;
    const silentFor = now - this.lastHealthyAt;
    if (
      this.running &&
      silentFor >= this.config.connectTimeoutMs &&
      !this.connections.some((c) => c.isOpen)
    ) {
      this.stop(
        `the target stopped accepting connections (${message}; none for ${Math.round(silentFor)} ms)`,
      );
      return;
    }
    setTimeout(() => {
      if (!this.finished) connection.open(performance.now());
    }, RECONNECT_DELAY_MS);
  }

  responded(now: number, intendedAt: number, sentAt: number, status: number): void {
    this.lastHealthyAt = now;
    this.recorder.recordResponse(now, intendedAt, sentAt, status);
  }

  failed(now: number, errorClass: ErrorClass, message: string, requests: number): void {
    this.recorder.recordError(now, errorClass, message, requests);
  }

  afterRead(connection: LoadConnection, now: number): void {
    if (now >= this.endAt) return;
    connection.fill(now);
    if (this.isOpenModel && connection.canSend) this.armTick(connection.nextDueAt, now);
  }

  // Open model: one timer per thread, set for the earliest connection that is free and has a request due.
  // Busy connections are not waited for here: their answer triggers their next send (afterRead).
  private tick = (): void => {
    this.tickTimer = null;
    this.tickDueAt = Number.POSITIVE_INFINITY;
    if (!this.running) return;
    const now = performance.now();
    let next = Number.POSITIVE_INFINITY;
    for (const connection of this.connections) {
      connection.fill(now);
      if (connection.canSend && connection.nextDueAt < next) next = connection.nextDueAt;
    }
    this.armTick(next, now);
  };

  // Timers have millisecond granularity, so sends can be up to about a millisecond late, as in wrk2.
  private armTick(dueAt: number, now: number): void {
    if (!(dueAt < this.tickDueAt) || !this.running) return;
    if (this.tickTimer !== null) clearTimeout(this.tickTimer);
    this.tickDueAt = dueAt;
    this.tickTimer = setTimeout(this.tick, Math.max(0, dueAt - now));
  }

  private scanForTimeouts(): void {
    const now = performance.now();
    // Quiet seconds close here too, so live views see a stalled second when it ends, not when traffic resumes.
    if (this.running) this.recorder.advance(Math.min(now, this.endAt));
    const { connectTimeoutMs, timeoutMs } = this.config;
    for (const connection of this.connections) {
      if (connection.isConnecting && now - connection.connectStartedAt > connectTimeoutMs) {
        connection.lose("connect", `connect timed out after ${connectTimeoutMs} ms`);
      } else if (connection.isOpen && connection.inFlight > 0 && now - connection.oldestSentAt > timeoutMs) {
        connection.lose("timeout", `no response within ${timeoutMs} ms`);
      }
    }
  }

  private settle(connection: LoadConnection): void {
    if (!this.unsettled.delete(connection) || this.unsettled.size > 0) return;
    this.onSettled?.();
    this.onSettled = null;
  }
}

// Owns what the main thread and a load thread tell each other: the thread's config, its per-second samples
// and its final report. Everything here must survive structured cloning.
import type { SerializedHistogram } from "../histogram/codec";
import type { ErrorClass } from "./error-classes";

export type ThreadConfig = {
  index: number;
  host: string;
  port: number;
  /** servername is empty for IP literals, which SNI cannot carry. */
  tls: { servername: string; ca: string | undefined; rejectUnauthorized: boolean } | null;
  /** The encoded request, repeated for every send. */
  request: Uint8Array;
  /** HEAD requests: answers carry no body. */
  bodiless: boolean;
  /** This thread's connections are numbers firstConnection .. firstConnection + connections - 1 of the run. */
  connections: number;
  firstConnection: number;
  totalConnections: number;
  /** Aggregate requests per second of the whole run (open model), or null for the closed model. */
  rate: number | null;
  pipelining: number;
  durationMs: number;
  timeoutMs: number;
  connectTimeoutMs: number;
};

export type ErrorCounts = Record<ErrorClass, number>;

/** One second of one thread; the main thread merges the threads' samples of the same second. */
export type SecondSample = {
  second: number;
  requests: number;
  /** Requests that got no response (any error class). */
  errors: number;
  /** Responses with a status of 400 or more. */
  failedStatuses: number;
  histogram: SerializedHistogram;
};

export type EndedEarly = { atMs: number; cause: string };

export type ThreadReport = {
  requests: number;
  /** From the intended send time: the schedule in the open model, the actual send in the closed one. */
  latency: SerializedHistogram;
  /** From the actual send time, which hides queueing behind a stalled server. */
  serviceTime: SerializedHistogram;
  statusCodes: Record<string, number>;
  errors: ErrorCounts;
  /** The first message seen for each error class, to tell the user what the count means. */
  errorSamples: Partial<Record<ErrorClass, string>>;
  /** Requests in flight, or due but not yet sent, when the run ended. */
  unfinished: number;
  connectionsOpened: number;
  elapsedMs: number;
  /** Share of the run the thread's event loop was busy (0..1): near 1, the client is the bottleneck. */
  busy: number;
  endedEarly: EndedEarly | null;
};

export type ToThread = { type: "start"; startAtEpochMs: number } | { type: "stop"; cause: string | null };

export type FromThread =
  | { type: "ready" }
  | { type: "second"; sample: SecondSample }
  | { type: "done"; report: ThreadReport };

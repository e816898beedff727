// Owns a run's options: the zod schema callers are checked against, its defaults, and the clear errors.
import { availableParallelism } from "node:os";
import { z } from "zod";

// RFC 9110 token characters: what a method or a header name may be made of.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Framing headers are computed from the URL and the body; letting callers set them would desynchronise the stream.
const RESERVED_HEADERS = new Set(["content-length", "transfer-encoding", "connection"]);

const milliseconds = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of milliseconds` })
    .finite(`${what} must be a number of milliseconds`)
    .positive(`${what} must be greater than 0`)
    .max(max, `${what} must be at most ${max} ms`);

export const loadOptionsSchema = z
  .object({
    url: z.url({
      protocol: /^https?$/,
      error: (issue) =>
        issue.input === undefined ? "url is required" : "url must be an http:// or https:// URL",
    }),
    method: z.string().regex(TOKEN, "method must be an HTTP method token such as GET or POST").default("GET"),
    headers: z
      .record(
        z.string().regex(TOKEN, "header names must be HTTP tokens"),
        z.string().regex(/^[^\r\n]*$/, "header values must not contain line breaks"),
      )
      .refine((headers) => Object.keys(headers).every((name) => !RESERVED_HEADERS.has(name.toLowerCase())), {
        error: "Content-Length, Transfer-Encoding and Connection are set by the generator",
      })
      .default({}),
    cookies: z
      .record(
        z.string().regex(TOKEN, "cookie names must be HTTP tokens"),
        z.string().regex(/^[^\r\n;]*$/, "cookie values must not contain ';' or line breaks"),
      )
      .default({}),
    body: z.string().optional(),
    connections: z
      .int("connections must be a whole number")
      .min(1, "connections must be at least 1")
      .max(10_000)
      .default(10),
    threads: z.int("threads must be a whole number").min(1, "threads must be at least 1").max(256).optional(),
    durationMs: milliseconds("durationMs", 24 * 3_600_000),
    rate: z
      .number({ error: "rate must be a number of requests per second" })
      .finite("rate must be a number of requests per second")
      .positive("rate must be greater than 0 requests per second")
      .optional(),
    pipelining: z
      .int("pipelining must be a whole number")
      .min(1, "pipelining must be at least 1")
      .max(256)
      .default(1),
    timeoutMs: milliseconds("timeoutMs", 3_600_000).default(5_000),
    connectTimeoutMs: milliseconds("connectTimeoutMs", 600_000).default(2_000),
    tls: z
      .object({
        /** Extra trusted certificate authorities (PEM), for targets with private or self-signed certificates. */
        ca: z.string().optional(),
        /** Accept any certificate: for test targets only. */
        insecure: z.boolean().default(false),
      })
      .default({ insecure: false }),
  })
  .superRefine((options, context) => {
    if (options.threads !== undefined && options.threads > options.connections) {
      context.addIssue({
        code: "custom",
        path: ["threads"],
        message: `threads (${options.threads}) cannot exceed connections (${options.connections}): each thread owns at least one connection`,
      });
    }
  });

export type LoadOptions = z.input<typeof loadOptionsSchema>;

export type ResolvedLoadOptions = Omit<z.output<typeof loadOptionsSchema>, "threads"> & { threads: number };

export class LoadOptionsError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid load options: ${problems.join("; ")}`);
    this.name = "LoadOptionsError";
    this.problems = problems;
  }
}

/** Checks and completes options; throws a LoadOptionsError listing every problem at once. */
export function resolveLoadOptions(input: unknown): ResolvedLoadOptions {
  const parsed = loadOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new LoadOptionsError(
      parsed.error.issues.map((issue) => {
        const path = issue.path.join(".");
        // Our messages already name the option; zod's generic ones ("Invalid input") need the path.
        return path && !issue.message.startsWith(String(issue.path[0]))
          ? `${path}: ${issue.message}`
          : issue.message;
      }),
    );
  }
  const options = parsed.data;
  // One event loop per core by default, as wrk does, but never more threads than connections to give them.
  const threads = options.threads ?? Math.min(availableParallelism(), options.connections);
  return { ...options, threads };
}

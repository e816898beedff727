// Owns the `loadTest` job: runs the built-in load generator against the payload's target (from inside the
// cluster), sends each second as it closes (the API draws the run live), and reports the result with its
// serialised HDR histogram, which the API merges across agents.
import { LoadOptionsError, type LoadResult, runLoad, TargetUnreachableError } from "@meshplane/loadgen";
import { z } from "zod";
import type { JobHandler } from "../job-loop";
import type { Logger } from "../log";
import type { JobOutcome, MeshplaneClient } from "../meshplane-client";
import { createProgressSender } from "./progress-sender";

const LoadTestPayload = z.object({
  resultId: z.string().min(1).max(100),
  request: z.object({
    url: z.string().min(1).max(4_000),
    method: z.string().min(1).max(20).default("GET"),
    headers: z.record(z.string(), z.string()).default({}),
    cookies: z.record(z.string(), z.string()).default({}),
    body: z.string().max(1_000_000).optional(),
    connections: z.number().int().min(1).max(10_000),
    rate: z.number().positive().optional(),
    // Bounded like profiles are: an hour.
    durationMs: z.number().positive().max(3_600_000),
  }),
});

/** What the API reads back: everything but the per-thread histograms and the service-time histogram. */
export function reportOf(result: LoadResult) {
  const { perThread, serviceTimeHistogram: _service, ...rest } = result;
  return { ...rest, perThread: perThread.map(({ requests, busy }) => ({ requests, busy })) };
}

/** Without a client (tests of the handler alone) the run is not reported live. */
export function loadTestHandler(log: Logger, client?: Pick<MeshplaneClient, "reportProgress">): JobHandler {
  return async (payload, signal, job): Promise<JobOutcome> => {
    const parsed = LoadTestPayload.safeParse(payload);
    if (!parsed.success) {
      return {
        status: "failed",
        result: null,
        error: `invalid loadTest payload: ${z.prettifyError(parsed.error)}`,
      };
    }
    const { request, resultId } = parsed.data;
    // Only the target's origin is logged: paths and query strings may carry tokens.
    log.info("load test starting", {
      resultId,
      target: new URL(request.url).origin,
      durationMs: request.durationMs,
    });
    const progress = client
      ? createProgressSender((seconds) => client.reportProgress(job.id, seconds), log, { resultId })
      : undefined;
    try {
      const result = await runLoad(request, {
        signal,
        ...(progress ? { onSecond: (second) => progress.push(second) } : {}),
      });
      await progress?.settle();
      log.info("load test finished", {
        resultId,
        requests: result.requests,
        endedEarly: result.endedEarly?.cause,
      });
      return { status: "succeeded", result: reportOf(result), error: null };
    } catch (error) {
      await progress?.settle();
      if (error instanceof TargetUnreachableError || error instanceof LoadOptionsError) {
        return { status: "failed", result: null, error: error.message };
      }
      throw error;
    }
  };
}

// Reads the API's health and classifies it for the start page: healthy, degraded or unreachable.
import { z } from "zod";

const healthSchema = z.object({
  status: z.string(),
  version: z.string(),
  runtime: z.string(),
  mode: z.string(),
  database: z.object({
    ok: z.boolean(),
    latencyMs: z.number(),
    serverVersion: z.string(),
    migrations: z.number(),
  }),
});

const envelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
});

export type Health = z.infer<typeof healthSchema>;

export type HealthReport =
  | { state: "healthy"; url: string; health: Health }
  | { state: "degraded"; url: string; status: number; code: string; message: string; requestId?: string }
  | { state: "unreachable"; url: string; reason: string };

export async function fetchHealth(
  apiUrl: string,
  options: { timeoutMs?: number } = {},
): Promise<HealthReport> {
  const url = `${apiUrl}/api/health`;
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(url, {
      cache: "no-store",
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    body = await response.json();
  } catch (error) {
    return { state: "unreachable", url, reason: describe(error) };
  }
  if (response.ok) {
    const health = healthSchema.safeParse(body);
    if (health.success) return { state: "healthy", url, health: health.data };
    return { state: "unreachable", url, reason: "the answer is not a Meshplane health document" };
  }
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success)
    return { state: "unreachable", url, reason: `HTTP ${response.status} without an error body` };
  const { code, message, requestId } = envelope.data.error;
  return {
    state: "degraded",
    url,
    status: response.status,
    code,
    message,
    ...(requestId ? { requestId } : {}),
  };
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return "no answer before the timeout";
  if (error instanceof SyntaxError) return "the answer is not JSON";
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  return error instanceof Error ? error.message : String(error);
}

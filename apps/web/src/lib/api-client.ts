// Calls from the web's server to the public API on behalf of the signed-in user, with its JWT.
import { z } from "zod";
import { serverContext } from "../server-context";

const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
});

/** The API refused a call; `message` is the API's own, safe to show the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type ApiCall = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Record<string, string>;
  body?: unknown;
  /** Bytes sent as they are (an uploaded file), instead of `body` as JSON. */
  raw?: { bytes: ArrayBuffer; contentType: string };
  timeoutMs?: number;
};

export async function callApi<T>(
  token: string,
  path: string,
  schema: z.ZodType<T>,
  call: ApiCall = {},
): Promise<T> {
  const url = new URL(`${serverContext().env.apiUrl}${path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const response = await fetch(url, {
    method: call.method ?? "GET",
    headers: {
      authorization: `Bearer ${token}`,
      ...(call.raw
        ? { "content-type": call.raw.contentType }
        : call.body === undefined
          ? {}
          : { "content-type": "application/json" }),
    },
    ...(call.raw
      ? { body: call.raw.bytes }
      : call.body === undefined
        ? {}
        : { body: JSON.stringify(call.body) }),
    cache: "no-store",
    signal: AbortSignal.timeout(call.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  const json = text ? parseJson(text) : null;
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json);
    if (!envelope.success)
      throw new ApiError(response.status, "HTTP_ERROR", `The API answered ${response.status}`);
    const { code, message, requestId } = envelope.data.error;
    throw new ApiError(response.status, code, message, requestId);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiError(
      response.status,
      "BAD_RESPONSE",
      `Unexpected answer from ${path}: ${parsed.error.message}`,
    );
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

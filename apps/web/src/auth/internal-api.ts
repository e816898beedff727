// Calls from the web's server to the API's internal endpoints, authenticated by the shared secret.
import { z } from "zod";

export const internalSecretHeader = "X-Meshplane-Internal";

const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
});

/** An internal endpoint answered with an error status; `code` comes from the API's error envelope. */
export class InternalApiError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(`${path} answered ${status} ${code}: ${message}`);
    this.name = "InternalApiError";
  }
}

export type InternalApi = { post: (path: string, body: unknown) => Promise<unknown> };

export type InternalApiOptions = {
  apiUrl: string;
  internalSecret: () => Promise<string>;
  timeoutMs?: number;
};

export function createInternalApi(options: InternalApiOptions): InternalApi {
  return {
    async post(path, body) {
      const secret = await options.internalSecret();
      const response = await fetch(`${options.apiUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", [internalSecretHeader]: secret },
        body: JSON.stringify(body),
        cache: "no-store",
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      const json = parseJson(text);
      if (response.ok) {
        if (json === undefined) throw new InternalApiError(path, response.status, "BAD_RESPONSE", "not JSON");
        return json;
      }
      const envelope = errorEnvelopeSchema.safeParse(json);
      if (!envelope.success)
        throw new InternalApiError(path, response.status, "HTTP_ERROR", "no error envelope in the answer");
      const { code, message, requestId } = envelope.data.error;
      throw new InternalApiError(path, response.status, code, message, requestId);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// Request body limits: small for the public API, large for Inngest, whose calls carry step state.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

export function limitBodies(options: {
  maxBytes: number;
  inngestMaxBytes: number;
}): MiddlewareHandler<AppEnv> {
  const refuse = (maxBytes: number) => () => {
    throw new ApiError({ code: "PAYLOAD_TOO_LARGE", message: `The request body exceeds ${maxBytes} bytes` });
  };
  const api = bodyLimit({ maxSize: options.maxBytes, onError: refuse(options.maxBytes) });
  const inngest = bodyLimit({ maxSize: options.inngestMaxBytes, onError: refuse(options.inngestMaxBytes) });
  return (c, next) => (c.req.path === "/api/inngest" ? inngest(c, next) : api(c, next));
}

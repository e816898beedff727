// Request body limits: small for the public API, larger for designs, large for Inngest, whose calls carry step state.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

/** Designs may be large (Meshery's own limit is about a thousand components): their routes take more. */
const DESIGN_MAX_BYTES = 8 * 1024 * 1024;
const designPaths = ["/api/designs", "/api/registry/relationships/evaluate"];
/** Model uploads: the registry's own 20 MiB import ceiling, plus room for a multipart envelope. */
const MODEL_IMPORT_MAX_BYTES = 21 * 1024 * 1024;
const modelImportPath = "/api/registry/models/import";

export function limitBodies(options: {
  maxBytes: number;
  inngestMaxBytes: number;
}): MiddlewareHandler<AppEnv> {
  const refuse = (maxBytes: number) => () => {
    throw new ApiError({ code: "PAYLOAD_TOO_LARGE", message: `The request body exceeds ${maxBytes} bytes` });
  };
  const api = bodyLimit({ maxSize: options.maxBytes, onError: refuse(options.maxBytes) });
  const inngest = bodyLimit({ maxSize: options.inngestMaxBytes, onError: refuse(options.inngestMaxBytes) });
  const designs = bodyLimit({ maxSize: DESIGN_MAX_BYTES, onError: refuse(DESIGN_MAX_BYTES) });
  const models = bodyLimit({ maxSize: MODEL_IMPORT_MAX_BYTES, onError: refuse(MODEL_IMPORT_MAX_BYTES) });
  return (c, next) => {
    // Reads have no body to limit, and asking for one makes the Node adapter build a full Request each time.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (c.req.path === "/api/inngest") return inngest(c, next);
    if (c.req.path === modelImportPath) return models(c, next);
    if (designPaths.some((path) => c.req.path.startsWith(path))) return designs(c, next);
    return api(c, next);
  };
}

// Rate limiting of the token endpoints, per client address, counted in the database all instances share.
import { hitRateLimit } from "@meshplane/db/queries";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";

export function clientAddress(c: Context<AppEnv>): string {
  // Cloudflare sets this header itself; elsewhere only the socket's peer is trustworthy.
  if (c.var.info.runtime === "workerd") return c.req.header("cf-connecting-ip") ?? "unknown";
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

export function rateLimit(options: {
  bucket: string;
  limit: number;
  windowSeconds: number;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hit = await hitRateLimit(c.var.db, {
      key: `${options.bucket}:${clientAddress(c)}`,
      limit: options.limit,
      windowSeconds: options.windowSeconds,
    });
    if (!hit.allowed) {
      c.header("Retry-After", String(hit.retryAfterSeconds));
      throw new ApiError({
        code: "RATE_LIMITED",
        message: `Too many requests to this endpoint; retry in ${hit.retryAfterSeconds} s`,
      });
    }
    await next();
  };
}

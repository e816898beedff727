// Guards /api/internal/*: only the web app, holding the shared internal secret, may call these routes.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";

async function digest(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value)));
}

/** Compares digests byte by byte without an early exit, so timing reveals nothing about the secret. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export function internalOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header("x-meshplane-internal") ?? "";
    if (!given || !(await sameSecret(given, c.var.auth.internalSecret))) {
      throw new ApiError({
        code: "UNAUTHORIZED",
        message: "Internal endpoint: the web app's secret is required",
      });
    }
    await next();
  };
}

// Request ids: a caller's X-Request-Id is kept when it is sane, otherwise one is minted; always echoed.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";

const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const id = given && saneRequestId.test(given) ? given : `req_${crypto.randomUUID().replaceAll("-", "")}`;
    c.set("requestId", id);
    await next();
    c.header("X-Request-Id", id);
  };
}

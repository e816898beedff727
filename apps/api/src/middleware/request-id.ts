// Request ids: a caller's X-Request-Id is kept when it is sane, otherwise one is minted; always echoed.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context";

const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const id = given && saneRequestId.test(given) ? given : `req_${crypto.randomUUID().replaceAll("-", "")}`;
    c.set("requestId", id);
    // Set before the handler, so the responses it builds carry it; setting a header on a finished response
    // makes Hono copy the whole response, which costs a busy list endpoint its tail latency.
    c.header("X-Request-Id", id);
    await next();
    // Responses built by hand (streams, proxied bodies) did not take it in: only those are copied.
    if (!c.res.headers.has("X-Request-Id")) c.header("X-Request-Id", id);
  };
}

// Puts the entry's services (db, workflow sender, Inngest client) and the caller's actor on the context.
import type { Context, MiddlewareHandler } from "hono";
import { resolveActor } from "../actor";
import type { AppEnv, AppInfo, Services } from "../context";

export type ServicesFactory = (c: Context<AppEnv>) => Services | Promise<Services>;

export function provideServices(info: AppInfo, build: ServicesFactory): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("info", info);
    const services = await build(c);
    c.set("db", services.db);
    c.set("workflows", services.workflows);
    c.set("inngest", services.inngest);
    c.set("actor", resolveActor(c.req.raw));
    try {
      await next();
    } finally {
      if (services.release) c.executionCtx.waitUntil(services.release());
    }
  };
}

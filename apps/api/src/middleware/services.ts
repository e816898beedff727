// Puts the entry's services (db, workflow sender, Inngest client) and its auth configuration on the context.
import type { Context, MiddlewareHandler } from "hono";
import type { AuthConfig } from "../auth/config";
import { type AppEnv, type AppInfo, INVENTORY_MAX_OBJECTS, type Services } from "../context";

export type ServicesFactory = (c: Context<AppEnv>) => Services | Promise<Services>;

export function provideServices(
  info: AppInfo,
  auth: AuthConfig,
  build: ServicesFactory,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("info", info);
    const services = await build(c);
    c.set("db", services.db);
    c.set("workflows", services.workflows);
    c.set("inngest", services.inngest);
    c.set("performance", services.performance);
    c.set("inventoryMaxObjects", services.inventoryMaxObjects ?? INVENTORY_MAX_OBJECTS);
    c.set("auth", auth);
    try {
      await next();
    } finally {
      if (services.release) c.executionCtx.waitUntil(services.release());
    }
  };
}

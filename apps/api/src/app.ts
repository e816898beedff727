// The app factory: validation, errors, request ids, services and the actor, then every route.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AuthConfig } from "./auth/config";
import type { AppEnv, AppInfo } from "./context";
import { errorResponse, handleError, handleZodError } from "./errors";
import { limitBodies } from "./middleware/body-limit";
import { requestId } from "./middleware/request-id";
import { provideServices, type ServicesFactory } from "./middleware/services";
import { registerRoutes } from "./routes/index";

export type NewAppOptions = {
  info: AppInfo;
  services: ServicesFactory;
  auth: AuthConfig;
  /** Largest accepted request body; Inngest's endpoint takes more, as its calls carry step state. */
  maxBodyBytes?: number;
};

export type App = OpenAPIHono<AppEnv>;

export function newApp(options: NewAppOptions): App {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: handleZodError });
  app.use("*", requestId());
  app.use(
    "*",
    limitBodies({ maxBytes: options.maxBodyBytes ?? 1024 * 1024, inngestMaxBytes: 32 * 1024 * 1024 }),
  );
  app.use("*", provideServices(options.info, options.auth, options.services));
  app.onError(handleError);
  app.notFound((c) => errorResponse(c, "NOT_FOUND", `No route for ${c.req.method} ${c.req.path}`));
  registerRoutes(app, options.info.version);
  return app;
}

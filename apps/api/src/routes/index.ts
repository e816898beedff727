// Mounts every route on the app: one line per operation, grouped by resource.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { registerListEvents } from "./events/list";
import { registerGetHealth } from "./health/get";
import { registerInngest } from "./inngest/serve";
import { registerReference } from "./reference/index";
import { registerGetVersion } from "./version/get";

export function registerRoutes(app: OpenAPIHono<AppEnv>, version: string) {
  registerGetHealth(app);
  registerGetVersion(app);
  registerListEvents(app);
  registerInngest(app);
  registerReference(app, version);
}

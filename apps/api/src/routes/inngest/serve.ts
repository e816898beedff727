// /api/inngest: where Inngest registers and invokes the workflow functions.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { toInngestFunctions, workflows } from "@meshplane/workflows";
import { serve } from "inngest/hono";
import type { AppEnv } from "../../context";

export function registerInngest(app: OpenAPIHono<AppEnv>) {
  // Built per request: on Workers the functions' database client lives only as long as the request.
  app.on(["GET", "POST", "PUT"], "/api/inngest", (c) => {
    const client = c.var.inngest;
    const handler = serve({ client, functions: toInngestFunctions(client, workflows, { db: c.var.db }) });
    return handler(c);
  });
}

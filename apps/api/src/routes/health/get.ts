// GET /api/health: is this instance serving, and can it read its database?
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { checkDatabase } from "@meshplane/db/queries";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";

const Health = z
  .object({
    status: z.literal("ok"),
    version: z.string(),
    runtime: z.enum(["node", "workerd"]),
    mode: z.enum(["one-machine", "distributed"]),
    database: z.object({
      ok: z.literal(true),
      latencyMs: z.number(),
      serverVersion: z.string(),
      migrations: z.number().int(),
    }),
  })
  .openapi("Health");

export type GetHealthResponse = z.infer<typeof Health>;

const route = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["system"],
  summary: "Health of the instance and its database",
  responses: {
    200: {
      description: "Serving, and the database answers",
      content: { "application/json": { schema: Health } },
    },
    ...openApiErrorResponses,
  },
});

export const registerGetHealth = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { version, runtime, mode } = c.var.info;
    const database = await checkDatabase(c.var.db).catch((error: unknown) => {
      // The cause goes to the log only: driver messages can name hosts and users.
      console.error(`request ${c.var.requestId}: database check failed:`, error);
      throw new ApiError({ code: "SERVICE_UNAVAILABLE", message: "The database is unavailable" });
    });
    return c.json({ status: "ok" as const, version, runtime, mode, database }, 200);
  });

// GET /api/version: which build answers, on which runtime, in which mode.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

const Version = z
  .object({
    name: z.literal("meshplane"),
    version: z.string(),
    runtime: z.enum(["node", "workerd"]),
    mode: z.enum(["one-machine", "distributed"]),
  })
  .openapi("Version");

export type GetVersionResponse = z.infer<typeof Version>;

const route = createRoute({
  method: "get",
  path: "/api/version",
  tags: ["system"],
  summary: "Version of the API",
  responses: {
    200: { description: "The running version", content: { "application/json": { schema: Version } } },
    ...openApiErrorResponses,
  },
});

export const registerGetVersion = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, (c) => c.json({ name: "meshplane" as const, ...c.var.info }, 200));

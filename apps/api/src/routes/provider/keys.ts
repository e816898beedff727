// GET /keys (and /.well-known/jwks.json): the JWKS that verifies every JWT this API signs.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { publishedJwks } from "../../auth/signing";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi("Jwks");

const routeAt = (path: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["meshery provider"],
    summary: "Public signing keys (JWKS)",
    responses: {
      200: { description: "The published keys", content: { "application/json": { schema: Jwks } } },
      ...openApiErrorResponses,
    },
  });

export const registerProviderKeys = (app: OpenAPIHono<AppEnv>) => {
  for (const path of ["/keys", "/.well-known/jwks.json"]) {
    app.openapi(routeAt(path), async (c) => {
      c.header("Cache-Control", "public, max-age=300");
      return c.json(await publishedJwks(c.var.db), 200);
    });
  }
};

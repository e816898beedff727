// POST /introspect: is this access token still honoured? 401 means revoked or expired (Meshery signs the user out).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { accessTokenOfCookie, resolveCredential } from "../../actor";
import { rateLimit } from "../../auth/rate-limit";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { tokenBodyRequest } from "./token-body";

const route = createRoute({
  method: "post",
  path: "/introspect",
  tags: ["meshery provider"],
  summary: "Check an access token",
  middleware: [rateLimit({ bucket: "introspect", limit: 120, windowSeconds: 60 })] as const,
  request: tokenBodyRequest,
  responses: {
    200: {
      description: "The token is active",
      content: {
        "application/json": {
          schema: z.object({ active: z.literal(true), sub: z.string() }).openapi("ProviderIntrospection"),
        },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerProviderIntrospect = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { token } = c.req.valid("json");
    const actor = await resolveCredential(c.var.db, c.var.auth, accessTokenOfCookie(token) ?? token);
    if (actor.type !== "user" || actor.via !== "meshery") {
      throw new ApiError({ code: "UNAUTHORIZED", message: "Not a Meshery access token" });
    }
    return c.json({ active: true as const, sub: actor.userId }, 200);
  });

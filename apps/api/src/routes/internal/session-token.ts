// POST /api/internal/auth/session-token: a short-lived JWT with which the web app calls the API for its signed-in user.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { signToken } from "../../auth/signing";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { userOfSession } from "./session";

const route = createRoute({
  method: "post",
  path: "/api/internal/auth/session-token",
  hide: true,
  request: {
    body: {
      content: {
        "application/json": { schema: z.object({ sessionToken: z.string().min(1).max(512) }).strict() },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: "A JWT for the API, valid for ten minutes",
      content: { "application/json": { schema: z.object({ token: z.string(), expiresAt: z.string() }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerInternalSessionToken = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const user = await userOfSession(c, c.req.valid("json").sessionToken);
    const { token, expiresAt } = await signToken(c.var.db, c.var.auth, {
      sub: user.id,
      aud: "meshplane-web",
    });
    return c.json({ token, expiresAt: expiresAt.toISOString() }, 200);
  });

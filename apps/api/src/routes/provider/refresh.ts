// POST /refresh: Meshery Server trades its token cookie for a new one; the refresh token rotates.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { refreshMesheryToken } from "../../auth/meshery-token";
import { rateLimit } from "../../auth/rate-limit";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { tokenBodyRequest } from "./token-body";

const route = createRoute({
  method: "post",
  path: "/refresh",
  tags: ["meshery provider"],
  summary: "Refresh a Meshery Server token",
  middleware: [rateLimit({ bucket: "refresh", limit: 30, windowSeconds: 60 })] as const,
  request: tokenBodyRequest,
  responses: {
    200: {
      description: "The new token cookie value",
      content: { "application/json": { schema: z.object({ token: z.string() }).openapi("ProviderToken") } },
    },
    ...openApiErrorResponses,
  },
});

const messages = {
  unknown: "The refresh token is not valid",
  expired: "The refresh token has expired; sign in again",
  revoked: "The refresh token has been revoked; sign in again",
  reused: "The refresh token was already used; the session has been revoked",
} as const;

export const registerProviderRefresh = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const result = await refreshMesheryToken(c.var.db, c.var.auth, c.req.valid("json").token);
    if (!result.ok) throw new ApiError({ code: "UNAUTHORIZED", message: messages[result.reason] });
    return c.json({ token: result.cookie }, 200);
  });

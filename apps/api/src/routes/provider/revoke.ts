// POST /revoke: Meshery Server's logout revokes the refresh token, and with it every token of that login.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { revokeRefreshToken } from "@meshplane/db/queries";
import { refreshTokenOf } from "../../auth/meshery-token";
import { rateLimit } from "../../auth/rate-limit";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { tokenBodyRequest } from "./token-body";

const route = createRoute({
  method: "post",
  path: "/revoke",
  tags: ["meshery provider"],
  summary: "Revoke a refresh token",
  middleware: [rateLimit({ bucket: "revoke", limit: 30, windowSeconds: 60 })] as const,
  request: tokenBodyRequest,
  responses: {
    200: {
      description: "Revoked, or unknown (RFC 7009: the answer does not reveal which)",
      content: { "application/json": { schema: z.object({ revoked: z.literal(true) }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerProviderRevoke = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    await revokeRefreshToken(c.var.db, { token: refreshTokenOf(c.req.valid("json").token) });
    return c.json({ revoked: true as const }, 200);
  });

// GET /login: where Meshery Server sends the browser to sign in; the web app signs the user in and asks consent.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { mesheryCallbackOf } from "./callback";

const Query = z.object({
  source: z
    .string()
    .max(4096)
    .openapi({ description: "Base64 of Meshery Server's /api/user/token callback URL" }),
  ref: z.string().max(4096).optional().openapi({ description: "Base64 of the Meshery page to return to" }),
  provider_version: z.string().max(64).optional(),
  meshery_version: z.string().max(64).optional(),
});

const route = createRoute({
  method: "get",
  path: "/login",
  tags: ["meshery provider"],
  summary: "Start a Meshery Server login",
  request: { query: Query },
  responses: {
    302: { description: "To the web app's sign-in and consent page" },
    ...openApiErrorResponses,
  },
});

export const registerProviderLogin = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, (c) => {
    const query = c.req.valid("query");
    if (!mesheryCallbackOf(query.source)) {
      throw new ApiError({
        code: "BAD_REQUEST",
        message: "source must be the base64 of an http(s) URL ending in /api/user/token",
      });
    }
    const target = new URL("/provider/login", c.var.auth.webUrl);
    for (const [key, value] of Object.entries(query)) if (value) target.searchParams.set(key, value);
    return c.redirect(target.toString(), 302);
  });

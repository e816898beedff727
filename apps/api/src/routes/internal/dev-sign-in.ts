// POST /api/internal/auth/dev-sign-in: the one-machine mode's sign-in by email alone; absent in production.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { callAdapter } from "./adapter";

const SESSION_DAYS = 30;

const route = createRoute({
  method: "post",
  path: "/api/internal/auth/dev-sign-in",
  hide: true,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ email: z.email().max(254), name: z.string().trim().min(1).max(120).optional() })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: "A database session for the user, created if new",
      content: {
        "application/json": { schema: z.object({ sessionToken: z.string(), expires: z.string() }) },
      },
    },
    ...openApiErrorResponses,
  },
});

export const registerInternalDevSignIn = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    if (!c.var.auth.devSignIn) {
      throw new ApiError({ code: "NOT_FOUND", message: "The development sign-in is disabled" });
    }
    const { email, name } = c.req.valid("json");
    const normalized = email.trim().toLowerCase();
    const existing = (await callAdapter(c, "getUserByEmail", [normalized])) as { id: string } | null;
    const user =
      existing ??
      ((await callAdapter(c, "createUser", [
        {
          id: crypto.randomUUID(),
          email: normalized,
          name: name ?? normalized.split("@")[0],
          emailVerified: null,
        },
      ])) as { id: string });
    const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    const sessionToken = crypto.randomUUID() + crypto.randomUUID().replaceAll("-", "");
    await callAdapter(c, "createSession", [{ sessionToken, userId: user.id, expires }]);
    return c.json({ sessionToken, expires: expires.toISOString() }, 200);
  });

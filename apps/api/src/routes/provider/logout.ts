// GET|POST /logout: ends the provider session of the Meshery token presented, then says so.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { revokeRefreshFamily } from "@meshplane/db/queries";
import { actorOf } from "../../actor";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

const LoggedOut = z.object({ loggedOut: z.literal(true) }).openapi("ProviderLogout");

const routeFor = (method: "get" | "post") =>
  createRoute({
    method,
    path: "/logout",
    tags: ["meshery provider"],
    summary: "End a Meshery Server session",
    responses: {
      200: {
        description: "The session, if any, is over",
        content: { "application/json": { schema: LoggedOut } },
      },
      ...openApiErrorResponses,
    },
  });

export const registerProviderLogout = (app: OpenAPIHono<AppEnv>) => {
  for (const method of ["get", "post"] as const) {
    app.openapi(routeFor(method), async (c) => {
      const actor = await actorOf(c);
      if (actor.type === "user" && actor.via === "meshery" && actor.sessionId) {
        await revokeRefreshFamily(c.var.db, { familyId: actor.sessionId, userId: actor.userId });
      }
      return c.json({ loggedOut: true as const }, 200);
    });
  }
};

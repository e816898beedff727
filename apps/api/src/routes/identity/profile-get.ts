// GET /api/identity/users/profile: the signed-in user with their organisations and Meshery preferences.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getUser, listOrganizationsForUser } from "@meshplane/db/queries";
import { requireSignedIn } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { toUser, UserBody } from "./schema";

const route = createRoute({
  method: "get",
  path: "/api/identity/users/profile",
  tags: ["identity"],
  summary: "The signed-in user's profile",
  responses: {
    200: { description: "The user", content: { "application/json": { schema: UserBody } } },
    ...openApiErrorResponses,
  },
});

export const profileCapability = { feature: "users-profile", endpoint: "/api/identity/users/profile" };

export const registerGetProfile = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireSignedIn(c);
    const user = await getUser(c.var.db, { id: actor.userId });
    if (!user) throw new ApiError({ code: "UNAUTHORIZED", message: "The token's user no longer exists" });
    const organizations = await listOrganizationsForUser(c.var.db, { userId: user.id });
    // An API token sees only the organisation it was issued for.
    const visible =
      actor.type === "apiToken"
        ? organizations.filter((org) => org.id === actor.organizationId)
        : organizations;
    return c.json(toUser(user, visible), 200);
  });

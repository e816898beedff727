// PUT /api/identity/users/preferences: Meshery Server's `sync-prefs`, the user's whole preference document.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { replaceUserPreferences } from "@meshplane/db/queries";
import { requireSignedIn } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";

const MAX_PREFERENCE_BYTES = 64 * 1024;
const Preferences = z.record(z.string(), z.unknown()).openapi("Preference");

const route = createRoute({
  method: "put",
  path: "/api/identity/users/preferences",
  tags: ["identity"],
  summary: "Replace the signed-in user's Meshery preferences",
  request: { body: { content: { "application/json": { schema: Preferences } }, required: true } },
  responses: {
    201: {
      description: "Stored (Meshery expects 201)",
      content: { "application/json": { schema: Preferences } },
    },
    ...openApiErrorResponses,
  },
});

export const preferencesCapability = { feature: "sync-prefs", endpoint: "/api/identity/users/preferences" };

export const registerPutPreferences = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireSignedIn(c);
    const preferences = c.req.valid("json");
    if (JSON.stringify(preferences).length > MAX_PREFERENCE_BYTES) {
      throw new ApiError({ code: "PAYLOAD_TOO_LARGE", message: "Preferences are limited to 64 KiB" });
    }
    await replaceUserPreferences(c.var.db, { id: actor.userId, preferences });
    return c.json(preferences, 201);
  });

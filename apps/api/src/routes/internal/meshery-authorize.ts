// POST /api/internal/meshery/authorize: the user allowed a Meshery Server to sign in; mint its token and callback URL.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { audit } from "../../auth/audit";
import { issueMesheryToken } from "../../auth/meshery-token";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { mesheryCallbackOf } from "../provider/callback";
import { userOfSession } from "./session";

const route = createRoute({
  method: "post",
  path: "/api/internal/meshery/authorize",
  hide: true,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z
            .object({
              sessionToken: z.string().min(1).max(512),
              source: z.string().min(1).max(4096),
              ref: z.string().max(4096).optional(),
            })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: "Where to send the browser: Meshery Server's token callback",
      content: { "application/json": { schema: z.object({ redirectUrl: z.string() }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerInternalMesheryAuthorize = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { sessionToken, source, ref } = c.req.valid("json");
    const callback = mesheryCallbackOf(source);
    if (!callback) {
      throw new ApiError({
        code: "BAD_REQUEST",
        message: "source must be the base64 of Meshery's /api/user/token URL",
      });
    }
    const user = await userOfSession(c, sessionToken);
    const issued = await issueMesheryToken(c.var.db, c.var.auth, {
      userId: user.id,
      clientOrigin: callback.origin,
    });
    callback.searchParams.set("token", issued.cookie);
    callback.searchParams.set("session_cookie", issued.familyId);
    if (ref) callback.searchParams.set("ref", ref);
    await audit(c, {
      organizationId: null,
      actorId: user.id,
      action: "meshery.signed_in",
      resourceType: "user",
      resourceId: user.id,
      description: `Allowed Meshery Server at ${callback.origin} to sign in`,
      metadata: { clientOrigin: callback.origin },
    });
    return c.json({ redirectUrl: callback.toString() }, 200);
  });

// POST /api/identity/tokens: issues a named, scoped API token; the plaintext is in this response and nowhere else.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createApiToken } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import { permissionKeys } from "../../auth/permissions";
import { rateLimit } from "../../auth/rate-limit";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { ApiTokenBody, toApiToken } from "./schema";

const Body = z
  .object({
    orgId: z.uuid(),
    name: z.string().trim().min(1).max(80),
    scopes: z.array(z.enum(permissionKeys)).max(permissionKeys.length).default([]).openapi({
      description: "Permission keys the token may use; empty means all of yours",
    }),
    expiresInDays: z.number().int().min(1).max(365).nullable().default(90).openapi({
      description: "Days until it expires; null for a token that never expires",
    }),
  })
  .strict()
  .openapi("NewApiToken");

const route = createRoute({
  method: "post",
  path: "/api/identity/tokens",
  tags: ["tokens"],
  summary: "Create an API token",
  middleware: [rateLimit({ bucket: "token-create", limit: 20, windowSeconds: 60 })] as const,
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: {
      description: "The token, shown once",
      content: { "application/json": { schema: z.object({ token: z.string(), apiToken: ApiTokenBody }) } },
    },
    ...openApiErrorResponses,
  },
});

export const registerCreateToken = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, body.orgId, "tokens:manage-own");
    // A token cannot mint tokens: a leaked one must not be able to outlive its own revocation.
    if (access.actor.type !== "user") {
      throw new ApiError({ code: "FORBIDDEN", message: "API tokens are created from a signed-in session" });
    }
    const beyond = body.scopes.filter((scope) => !access.keys.includes(scope));
    if (beyond.length > 0) {
      throw new ApiError({ code: "FORBIDDEN", message: `Your roles do not grant: ${beyond.join(", ")}` });
    }
    const { token, apiToken } = await createApiToken(c.var.db, {
      organizationId: access.organization.id,
      userId: access.userId,
      name: body.name,
      scopes: body.scopes,
      expiresAt: body.expiresInDays === null ? null : new Date(Date.now() + body.expiresInDays * 86_400_000),
    });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "token.created",
      resourceType: "api_token",
      resourceId: apiToken.id,
      description: `Created API token "${apiToken.name}"`,
      metadata: { prefix: apiToken.prefix, scopes: apiToken.scopes },
    });
    return c.json({ token, apiToken: toApiToken(apiToken) }, 201);
  });

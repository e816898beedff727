// POST /api/identity/orgs: creates a team organisation owned by the caller (personal ones come with sign-in).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createOrganization } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireSignedIn } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrganizationBody, toOrganization } from "./schema";

const route = createRoute({
  method: "post",
  path: "/api/identity/orgs",
  tags: ["identity"],
  summary: "Create an organisation",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ name: z.string().trim().min(1).max(120), description: z.string().max(2000).optional() })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: {
    201: {
      description: "The organisation; the caller is its Org Admin",
      content: { "application/json": { schema: OrganizationBody } },
    },
    ...openApiErrorResponses,
  },
});

export const registerCreateOrganization = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireSignedIn(c);
    if (actor.type !== "user") {
      throw new ApiError({
        code: "FORBIDDEN",
        message: "Organisations are created from a signed-in session",
      });
    }
    const body = c.req.valid("json");
    const organization = await createOrganization(c.var.db, {
      name: body.name,
      ...(body.description ? { description: body.description } : {}),
      ownerId: actor.userId,
    });
    await audit(c, {
      organizationId: organization.id,
      actorId: actor.userId,
      action: "organization.created",
      resourceType: "organization",
      resourceId: organization.id,
      description: `Created organisation "${organization.name}"`,
    });
    return c.json(toOrganization(organization), 201);
  });

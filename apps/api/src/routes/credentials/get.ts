// GET /api/integrations/credentials/{id}: one credential with its secret's field names, never their values.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getSealedCredential } from "@meshplane/db/queries";
import { requireOrgAccess } from "../../auth/authorize";
import { unseal } from "../../auth/sealing";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { CredentialBody, credentialContext, toCredential } from "./schema";

const route = createRoute({
  method: "get",
  path: "/api/integrations/credentials/{id}",
  tags: ["credentials"],
  summary: "Get a credential (secret redacted)",
  request: { params: z.object({ id: z.uuid() }), query: OrgQuery },
  responses: {
    200: { description: "The credential", content: { "application/json": { schema: CredentialBody } } },
    ...openApiErrorResponses,
  },
});

export const registerGetCredential = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "credentials:read");
    const organizationId = access.organization.id;
    const row = await getSealedCredential(c.var.db, { organizationId, id });
    if (!row) throw new ApiError({ code: "NOT_FOUND", message: `No credential ${id}` });
    const secret = JSON.parse(
      await unseal(
        c.var.auth.encryptionKey,
        { ciphertext: row.secretCiphertext, nonce: row.secretNonce, keyId: row.secretKeyId },
        credentialContext(organizationId),
      ),
    ) as Record<string, string>;
    return c.json(toCredential(row, Object.keys(secret)), 200);
  });

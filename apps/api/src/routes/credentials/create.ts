// POST /api/integrations/credentials: stores a secret (kubeconfig, token, basic auth) sealed with the instance key.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createCredential } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import { seal } from "../../auth/sealing";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { OrgQuery, orgIdOf } from "../named-resources/spec";
import { CredentialBody, credentialContext, toCredential } from "./schema";

const Body = z
  .object({
    name: z.string().trim().min(1).max(120),
    type: z.string().trim().min(1).max(40).openapi({ example: "kubeconfig" }),
    secret: z
      .record(z.string().min(1).max(80), z.string().max(256 * 1024))
      .refine((secret) => Object.keys(secret).length > 0 && Object.keys(secret).length <= 20, {
        message: "1 to 20 secret fields",
      }),
  })
  .strict()
  .openapi("NewCredential");

const route = createRoute({
  method: "post",
  path: "/api/integrations/credentials",
  tags: ["credentials"],
  summary: "Store a credential",
  request: { query: OrgQuery, body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: {
      description: "Stored; the secret is not echoed",
      content: { "application/json": { schema: CredentialBody } },
    },
    ...openApiErrorResponses,
  },
});

export const credentialsCapability = {
  feature: "persist-credentials",
  endpoint: "/api/integrations/credentials",
};

export const registerCreateCredential = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const access = await requireOrgAccess(c, orgIdOf(c.req.valid("query")), "credentials:manage");
    const { name, type, secret } = c.req.valid("json");
    const organizationId = access.organization.id;
    const sealed = await seal(
      c.var.auth.encryptionKey,
      JSON.stringify(secret),
      credentialContext(organizationId),
    );
    const row = await createCredential(c.var.db, {
      organizationId,
      name,
      type,
      secretCiphertext: sealed.ciphertext,
      secretNonce: sealed.nonce,
      secretKeyId: sealed.keyId,
      ownerId: access.userId,
    });
    await audit(c, {
      organizationId,
      actorId: access.userId,
      action: "credential.created",
      resourceType: "credential",
      resourceId: row.id,
      description: `Stored credential "${name}" (${type})`,
    });
    return c.json(toCredential(row, Object.keys(secret)), 201);
  });

// POST /api/agents/credentials/rotate: a new credential for the calling agent; the old one lingers briefly.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { rotateAgentCredential } from "@meshplane/db/queries";
import { credentialOf } from "../../actor";
import { requireAgent } from "../../auth/agent-guard";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";
import { agentSecurity, IssuedCredential } from "./schema";

const Rotated = IssuedCredential.extend({ previousValidUntil: z.string() }).openapi("RotatedAgentCredential");

const route = createRoute({
  method: "post",
  path: "/api/agents/credentials/rotate",
  tags: ["agents"],
  summary: "Rotate the calling agent's credential",
  security: agentSecurity,
  responses: {
    200: { description: "The new credential", content: { "application/json": { schema: Rotated } } },
    ...openApiErrorResponses,
  },
});

export const registerRotateAgentCredential = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireAgent(c);
    const presented = credentialOf(c.req.raw) ?? "";
    const { credential, agent } = await rotateAgentCredential(c.var.db, {
      organizationId: actor.organizationId,
      id: actor.agentId,
      presentedCredential: presented,
    });
    return c.json(
      {
        agentId: agent.id,
        organizationId: agent.organizationId,
        connectionId: agent.connectionId,
        credential,
        credentialExpiresAt: agent.credentialExpiresAt.toISOString(),
        previousValidUntil: (agent.previousCredentialExpiresAt ?? new Date()).toISOString(),
      },
      200,
    );
  });

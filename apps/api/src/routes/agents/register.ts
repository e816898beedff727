// POST /api/agents/register: an agent trades its bootstrap token and cluster facts for its own credential.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type BootstrapRefusal,
  conflictOnDuplicate,
  consumeAgentBootstrapToken,
  linkAgentBootstrapToken,
  registerAgent,
  withTransaction,
} from "@meshplane/db/queries";
import { rateLimit } from "../../auth/rate-limit";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { ClusterFacts, IssuedCredential } from "./schema";

const Body = ClusterFacts.extend({ bootstrapToken: z.string().min(1).max(256) })
  .strict()
  .openapi("AgentRegistration");

const route = createRoute({
  method: "post",
  path: "/api/agents/register",
  tags: ["agents"],
  summary: "Register a cluster's agent with a bootstrap token",
  // Anyone may call it: the limit keeps guessing tokens (and hashing them) cheap to refuse.
  middleware: [rateLimit({ bucket: "agent-register", limit: 30, windowSeconds: 60 })] as const,
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: {
      description: "The agent's credential and its Kubernetes connection",
      content: { "application/json": { schema: IssuedCredential } },
    },
    ...openApiErrorResponses,
  },
});

const refusals: Record<BootstrapRefusal, string> = {
  unknown: "The bootstrap token is not valid",
  used: "The bootstrap token has already been used; create a new one",
  expired: "The bootstrap token has expired; create a new one",
};

export const registerAgentRegistration = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const { bootstrapToken: token, ...facts } = c.req.valid("json");
    // One transaction: a registration that fails halfway leaves the token unused, so the install can retry.
    const registered = await withTransaction(c.var.db, async (tx) => {
      const consumed = await consumeAgentBootstrapToken(tx, { token });
      if (!consumed.ok) throw new ApiError({ code: "UNAUTHORIZED", message: refusals[consumed.reason] });
      const { bootstrapToken } = consumed;
      const result = await conflictOnDuplicate(
        registerAgent(tx, {
          ...facts,
          organizationId: bootstrapToken.organizationId,
          name: bootstrapToken.name ?? `cluster-${facts.kubeSystemUid.slice(0, 8)}`,
          ownerId: bootstrapToken.createdById,
        }),
        "This cluster is registering already",
      );
      await linkAgentBootstrapToken(tx, { id: bootstrapToken.id, agentId: result.agent.id });
      return result;
    });
    return c.json(
      {
        agentId: registered.agent.id,
        organizationId: registered.agent.organizationId,
        connectionId: registered.connection.id,
        credential: registered.credential,
        credentialExpiresAt: registered.agent.credentialExpiresAt.toISOString(),
      },
      201,
    );
  });

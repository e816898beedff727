// POST /api/agents/bootstrap-tokens: a signed-in user makes the single-use token that installs an agent.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createAgentBootstrapToken } from "@meshplane/db/queries";
import { audit } from "../../auth/audit";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

const Body = z
  .object({ orgId: z.uuid(), name: z.string().trim().min(1).max(200).optional() })
  .strict()
  .openapi("AgentBootstrapTokenRequest");

const Created = z
  .object({
    token: z.string().openapi({ description: "Shown once; single use, valid for an hour" }),
    expiresAt: z.string(),
    installCommand: z.string(),
  })
  .openapi("AgentBootstrapToken");

const route = createRoute({
  method: "post",
  path: "/api/agents/bootstrap-tokens",
  tags: ["agents"],
  summary: "Create a bootstrap token to install an agent",
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    201: {
      description: "The token and the command that installs the agent with it",
      content: { "application/json": { schema: Created } },
    },
    ...openApiErrorResponses,
  },
});

// Quoted for a POSIX shell; the token is base64url and the URL is ours, but a name could hold anything.
const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

export function installCommandFor(params: { apiUrl: string; token: string }): string {
  return [
    "helm upgrade --install meshplane-agent oci://ghcr.io/meshplane/charts/meshplane-agent",
    "--namespace meshplane-agent --create-namespace",
    `--set meshplane.url=${shellQuote(params.apiUrl)}`,
    `--set bootstrapToken=${shellQuote(params.token)}`,
  ].join(" ");
}

export const registerCreateBootstrapToken = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const access = await requireOrgAccess(c, body.orgId, "connections:manage");
    const { token, bootstrapToken } = await createAgentBootstrapToken(c.var.db, {
      organizationId: access.organization.id,
      createdById: access.userId,
      name: body.name ?? null,
    });
    await audit(c, {
      organizationId: access.organization.id,
      actorId: access.userId,
      action: "agent.bootstrap_token.created",
      resourceType: "agent_bootstrap_token",
      resourceId: bootstrapToken.id,
      description: "Created an agent bootstrap token",
    });
    return c.json(
      {
        token,
        expiresAt: bootstrapToken.expiresAt.toISOString(),
        installCommand: installCommandFor({ apiUrl: c.var.auth.publicUrl, token }),
      },
      201,
    );
  });

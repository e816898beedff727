// GET /api/agents/install/manifest.yaml: the agent's plain install manifest, pointed at this API. The bootstrap
// token stays a placeholder: tokens never travel in URLs, so the install command fills it in locally.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { AGENT_MANIFEST } from "./generated/agent-manifest";

export const BOOTSTRAP_TOKEN_PLACEHOLDER = "REPLACE_WITH_BOOTSTRAP_TOKEN";

const route = createRoute({
  method: "get",
  path: "/api/agents/install/manifest.yaml",
  tags: ["agents"],
  summary: "The agent's install manifest",
  description: `Namespace, ServiceAccount, RBAC tiers and Deployment of the agent, with this API's URL filled in. Replace \`${BOOTSTRAP_TOKEN_PLACEHOLDER}\` with a bootstrap token, then \`kubectl apply -f -\`.`,
  responses: {
    200: {
      description: "Kubernetes manifests, several YAML documents",
      content: { "application/yaml": { schema: z.string() } },
    },
  },
});

export const registerAgentInstallManifest = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, (c) => {
    const manifest = AGENT_MANIFEST.replaceAll("REPLACE_WITH_MESHPLANE_URL", c.var.auth.publicUrl);
    return c.body(manifest, 200, {
      "content-type": "application/yaml; charset=utf-8",
      "cache-control": "public, max-age=300",
    });
  });

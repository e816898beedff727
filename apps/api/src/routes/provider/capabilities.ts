// GET /{version}/capabilities: Meshery's ProviderProperties, listing exactly the features whose routes are mounted.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { openApiErrorResponses } from "../../errors";

export type Capability = { feature: string; endpoint: string };

const ProviderProperties = z
  .object({
    providerType: z.literal("remote"),
    packageVersion: z.string(),
    packageUrl: z.string(),
    providerName: z.string(),
    providerDescription: z.array(z.string()),
    providerUrl: z.string(),
    extensions: z.record(z.string(), z.array(z.unknown())),
    capabilities: z.array(z.object({ feature: z.string(), endpoint: z.string() })),
    restrictedAccess: z.object({
      isMesheryUiRestricted: z.boolean(),
      allowedComponents: z.record(z.string(), z.unknown()),
    }),
    redirects: z.record(z.string(), z.string()),
  })
  .openapi("ProviderProperties");

const route = createRoute({
  method: "get",
  path: "/{version}/capabilities",
  tags: ["meshery provider"],
  summary: "The provider's capabilities document",
  request: {
    params: z.object({ version: z.string().regex(/^v\d[\w.-]{0,31}$/, "a version such as v0.8.0") }),
    query: z.object({ os: z.string().max(64).optional(), playground: z.string().max(16).optional() }),
  },
  responses: {
    200: {
      description: "ProviderProperties",
      content: { "application/json": { schema: ProviderProperties } },
    },
    ...openApiErrorResponses,
  },
});

const on = true;
const allowedComponents = {
  navigator: {
    dashboard: on,
    performance: on,
    conformance: on,
    extensions: on,
    toggler: on,
    help: on,
    lifecycle: {
      istio: on,
      citrix: on,
      consul: on,
      cilium: on,
      appMesh: on,
      kuma: on,
      linkerd: on,
      nginx: on,
      nsm: on,
    },
    configuration: { designs: on, applications: on, filters: on },
  },
  header: { contextSwitcher: on, settings: on, notifications: on, profile: on },
};

export const registerProviderCapabilities = (app: OpenAPIHono<AppEnv>, capabilities: readonly Capability[]) =>
  app.openapi(route, (c) =>
    c.json(
      {
        providerType: "remote" as const,
        packageVersion: c.req.valid("param").version,
        // No UI extension package is shipped: Meshery's own UI serves every advertised feature.
        packageUrl: "",
        providerName: "Meshplane",
        providerDescription: [
          "Sign in with your organisation's SSO",
          "Designs, environments, workspaces and connections shared with your team",
        ],
        providerUrl: c.var.auth.webUrl,
        extensions: { navigator: [], userPrefs: [], graphql: [], account: [], collaborator: [] },
        capabilities: [...capabilities],
        restrictedAccess: { isMesheryUiRestricted: false, allowedComponents },
        redirects: {},
      },
      200,
    ),
  );

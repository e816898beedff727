// Mounts every route on the app from one list; the Meshery capabilities document is derived from the same list.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { registerAgentRoutes } from "./agents/index";
import { registerBrowseCatalog } from "./catalog/browse";
import { registerCloneCatalogDesign } from "./catalog/clone";
import { registerCatalogEntry } from "./catalog/entry";
import { registerManageCatalogEntry } from "./catalog/manage";
import { patternsCatalogCapability, registerMesheryCatalog } from "./catalog/meshery";
import { registerPublicationRequests } from "./catalog/requests";
import { registerCatalogReview } from "./catalog/review";
import { registerConnectionById } from "./connections/by-id";
import { registerCreateConnection } from "./connections/create";
import { connectionsCapability, registerListConnections } from "./connections/list";
import { credentialsCapability, registerCreateCredential } from "./credentials/create";
import { registerDeleteCredential } from "./credentials/delete";
import { registerGetCredential } from "./credentials/get";
import { registerListCredentials } from "./credentials/list";
import { registerDesignById } from "./designs/by-id";
import { registerCreateDesign } from "./designs/create";
import { registerExportDesign } from "./designs/export";
import { registerImportDesign } from "./designs/import";
import { registerListDesigns } from "./designs/list";
import { patternsCapability, registerMesheryPatterns } from "./designs/meshery-patterns";
import { registerDesignRevisions } from "./designs/revisions";
import { eventsCapability, registerCreateEvent } from "./events/create";
import { registerListEvents } from "./events/list";
import { registerGetHealth } from "./health/get";
import { registerGetOrganizationKeys } from "./identity/org-keys";
import { registerCreateOrganization } from "./identity/orgs-create";
import { organizationsCapability, registerListOrganizations } from "./identity/orgs-list";
import { preferencesCapability, registerPutPreferences } from "./identity/preferences-put";
import { profileCapability, registerGetProfile } from "./identity/profile-get";
import { registerInngest } from "./inngest/serve";
import { registerInternalAdapter } from "./internal/adapter";
import { registerInternalDevSignIn } from "./internal/dev-sign-in";
import { internalOnly } from "./internal/guard";
import { registerInternalMesheryAuthorize } from "./internal/meshery-authorize";
import { registerInternalSessionToken } from "./internal/session-token";
import { registerInventoryRoutes } from "./inventory/index";
import { registerAcceptInvitation } from "./invitations/accept";
import { registerCreateInvitation } from "./invitations/create";
import { registerInvitationAdmin } from "./invitations/list";
import { linkSpecs, registerLinkRoutes } from "./links/index";
import { registerMemberById } from "./members/by-id";
import { registerListMembers } from "./members/list";
import { environmentsSpec, registerNamedResource, teamsSpec, workspacesSpec } from "./named-resources/index";
import { registerPerformanceBaseline } from "./performance/baseline";
import { registerPerformanceCompare } from "./performance/compare";
import { registerImportPerformanceResult } from "./performance/import";
import { profilesCapability, registerPerformanceProfiles } from "./performance/profiles";
import { registerPerformanceResults, resultsCapability } from "./performance/results";
import { registerRunProfile } from "./performance/run";
import { registerPerformanceSchedules } from "./performance/schedules";
import { type Capability, registerProviderCapabilities } from "./provider/capabilities";
import { registerProviderIntrospect } from "./provider/introspect";
import { registerProviderKeys } from "./provider/keys";
import { registerProviderLogin } from "./provider/login";
import { registerProviderLogout } from "./provider/logout";
import { registerProviderRefresh } from "./provider/refresh";
import { registerProviderRevoke } from "./provider/revoke";
import { registerReference } from "./reference/index";
import { registerRegistryComponents } from "./registry/components";
import { registerEvaluateRelationships } from "./registry/evaluate";
import { registerImportModel } from "./registry/import";
import { registerRegistryModels } from "./registry/models";
import { registerRegistryRelationships } from "./registry/relationships";
import { registerRoles } from "./roles/index";
import { registerTeamMembers } from "./teams/members";
import { registerCreateToken } from "./tokens/create";
import { registerDeleteToken } from "./tokens/delete";
import { registerListTokens } from "./tokens/list";
import { registerGetVersion } from "./version/get";

type App = OpenAPIHono<AppEnv>;

/** A mounted group of routes, and the Meshery feature it serves when it serves one. */
export type RouteModule = { register: (app: App) => void; capability?: Capability };

export const routeModules: RouteModule[] = [
  { register: registerGetHealth },
  { register: registerGetVersion },
  { register: registerListEvents },
  { register: registerCreateEvent, capability: eventsCapability },
  { register: registerInngest },
  // Meshery's fixed provider endpoints (not listed in capabilities: Meshery Server knows their paths).
  { register: registerProviderLogin },
  { register: registerProviderRefresh },
  { register: registerProviderIntrospect },
  { register: registerProviderRevoke },
  { register: registerProviderKeys },
  { register: registerProviderLogout },
  // Identity.
  { register: registerGetProfile, capability: profileCapability },
  { register: registerPutPreferences, capability: preferencesCapability },
  { register: registerListOrganizations, capability: organizationsCapability },
  { register: registerCreateOrganization },
  { register: registerGetOrganizationKeys },
  { register: registerListMembers },
  { register: registerMemberById },
  { register: registerRoles },
  { register: registerTeamMembers },
  { register: registerCreateInvitation },
  { register: registerInvitationAdmin },
  { register: registerAcceptInvitation },
  { register: registerListTokens },
  { register: registerCreateToken },
  { register: registerDeleteToken },
  // Designs and the relationship engine.
  { register: registerListDesigns },
  { register: registerCreateDesign },
  { register: registerImportDesign },
  { register: registerDesignById },
  { register: registerDesignRevisions },
  { register: registerExportDesign },
  { register: registerEvaluateRelationships },
  { register: registerMesheryPatterns, capability: patternsCapability },
  // The model registry: public reads, curators' imports.
  { register: registerRegistryModels },
  { register: registerRegistryComponents },
  { register: registerRegistryRelationships },
  { register: registerImportModel },
  // The public catalog and its review.
  { register: registerBrowseCatalog },
  { register: registerCatalogEntry },
  { register: registerCloneCatalogDesign },
  { register: registerManageCatalogEntry },
  { register: registerPublicationRequests },
  { register: registerCatalogReview },
  { register: registerMesheryCatalog, capability: patternsCatalogCapability },
  // Performance.
  { register: registerPerformanceProfiles, capability: profilesCapability },
  { register: registerRunProfile },
  // Before the results' `{id}` routes, so "import" is never read as an id.
  { register: registerImportPerformanceResult },
  { register: registerPerformanceResults, capability: resultsCapability },
  { register: registerPerformanceBaseline },
  { register: registerPerformanceCompare },
  { register: registerPerformanceSchedules },
  // In-cluster agents: bootstrap, the agent channel, and users' deploy jobs.
  { register: registerAgentRoutes },
  // Integrations.
  { register: registerListConnections, capability: connectionsCapability },
  { register: registerCreateConnection },
  { register: registerConnectionById },
  { register: registerInventoryRoutes },
  { register: registerListCredentials, capability: credentialsCapability },
  { register: registerCreateCredential },
  { register: registerGetCredential },
  { register: registerDeleteCredential },
  ...[workspacesSpec, environmentsSpec, teamsSpec].map((spec) => ({
    register: (app: App) => registerNamedResource(app, spec),
    ...(spec.capability ? { capability: spec.capability } : {}),
  })),
];

routeModules.push(...linkSpecs.map((spec) => ({ register: (app: App) => registerLinkRoutes(app, spec) })));

export const advertisedCapabilities: Capability[] = routeModules.flatMap((module) =>
  module.capability ? [module.capability] : [],
);

export function registerRoutes(app: App, version: string) {
  app.use("/api/internal/*", internalOnly());
  registerInternalAdapter(app);
  registerInternalSessionToken(app);
  registerInternalDevSignIn(app);
  registerInternalMesheryAuthorize(app);
  for (const module of routeModules) module.register(app);
  registerProviderCapabilities(app, advertisedCapabilities);
  registerReference(app, version);
}

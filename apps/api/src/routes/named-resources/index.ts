// The named resources an organisation keeps (workspaces, environments, teams), each mounted with the same five routes.
import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  createEnvironment,
  createTeam,
  createWorkspace,
  deleteEnvironment,
  deleteTeam,
  deleteWorkspace,
  getEnvironment,
  getTeam,
  getWorkspace,
  listEnvironments,
  listTeams,
  listWorkspaces,
  renameWorkspace,
  updateEnvironment,
  updateTeam,
} from "@meshplane/db/queries";
import type { AppEnv } from "../../context";
import { registerCreateNamed } from "./create";
import { registerDeleteNamed } from "./delete";
import { registerGetNamed } from "./get";
import { registerListNamed } from "./list";
import type { NamedResourceSpec } from "./spec";
import { registerUpdateNamed } from "./update";

export const workspacesSpec: NamedResourceSpec = {
  path: "/api/workspaces",
  singular: "workspace",
  plural: "workspaces",
  tag: "workspaces",
  read: "workspaces:read",
  manage: "workspaces:manage",
  capability: { feature: "workspaces", endpoint: "/api/workspaces" },
  queries: {
    list: listWorkspaces,
    get: getWorkspace,
    create: createWorkspace,
    update: renameWorkspace,
    delete: deleteWorkspace,
  },
};

export const environmentsSpec: NamedResourceSpec = {
  path: "/api/environments",
  singular: "environment",
  plural: "environments",
  tag: "environments",
  read: "environments:read",
  manage: "environments:manage",
  capability: { feature: "environments", endpoint: "/api/environments" },
  queries: {
    list: listEnvironments,
    get: getEnvironment,
    create: createEnvironment,
    update: updateEnvironment,
    delete: deleteEnvironment,
  },
};

export const teamsSpec: NamedResourceSpec = {
  path: "/api/identity/teams",
  singular: "team",
  plural: "teams",
  tag: "teams",
  read: "teams:read",
  manage: "teams:manage",
  queries: { list: listTeams, get: getTeam, create: createTeam, update: updateTeam, delete: deleteTeam },
};

export function registerNamedResource(app: OpenAPIHono<AppEnv>, spec: NamedResourceSpec) {
  registerListNamed(app, spec);
  registerCreateNamed(app, spec);
  registerGetNamed(app, spec);
  registerUpdateNamed(app, spec);
  registerDeleteNamed(app, spec);
}

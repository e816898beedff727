// The organisation's environments and the connections assigned to each, through /api/environments.
import { z } from "zod";
import { callApi } from "./api-client";
import type { NamedFields } from "./teams";

const environmentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().default(""),
  createdAt: z.string(),
});
export type Environment = z.infer<typeof environmentSchema>;

const connectionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

const environmentsPath = "/api/environments";
const environmentPath = (id: string) => `${environmentsPath}/${encodeURIComponent(id)}`;

export async function listEnvironments(token: string, orgId: string): Promise<Environment[]> {
  const page = await callApi(
    token,
    environmentsPath,
    z.looseObject({ environments: z.array(environmentSchema) }),
    { query: { orgId, page: "0", pagesize: "100" } },
  );
  return page.environments;
}

export function createEnvironment(token: string, orgId: string, fields: NamedFields): Promise<Environment> {
  return callApi(token, environmentsPath, environmentSchema, {
    method: "POST",
    body: { organizationId: orgId, ...fields },
  });
}

export function updateEnvironment(
  token: string,
  orgId: string,
  environmentId: string,
  fields: NamedFields,
): Promise<Environment> {
  return callApi(token, environmentPath(environmentId), environmentSchema, {
    method: "PUT",
    query: { orgId },
    body: fields,
  });
}

export async function deleteEnvironment(token: string, orgId: string, environmentId: string): Promise<void> {
  await callApi(token, environmentPath(environmentId), z.unknown(), { method: "DELETE", query: { orgId } });
}

/** The organisation's connections: the clusters and services an environment can group. */
export async function listConnections(token: string, orgId: string): Promise<Connection[]> {
  const page = await callApi(
    token,
    "/api/integrations/connections",
    z.looseObject({ connections: z.array(connectionSchema) }),
    { query: { orgId, page: "0", pagesize: "100" } },
  );
  return page.connections;
}

export async function listEnvironmentConnections(
  token: string,
  orgId: string,
  environmentId: string,
): Promise<Connection[]> {
  const body = await callApi(
    token,
    `${environmentPath(environmentId)}/connections`,
    z.looseObject({ connections: z.array(connectionSchema) }),
    { query: { orgId } },
  );
  return body.connections;
}

export async function assignConnection(
  token: string,
  orgId: string,
  environmentId: string,
  connectionId: string,
  assigned: boolean,
): Promise<void> {
  await callApi(
    token,
    `${environmentPath(environmentId)}/connections/${encodeURIComponent(connectionId)}`,
    z.unknown(),
    { method: assigned ? "POST" : "DELETE", query: { orgId } },
  );
}

/** The organisation's connections not yet in the environment, the choices for assigning one. */
export function unassignedConnections(all: Connection[], assigned: Connection[]): Connection[] {
  const taken = new Set(assigned.map((connection) => connection.id));
  return all.filter((connection) => !taken.has(connection.id));
}

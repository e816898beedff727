"use server";
// Creating, renaming and deleting the selected organisation's environments, and assigning connections to them.
import {
  assignConnection,
  createEnvironment,
  deleteEnvironment,
  updateEnvironment,
} from "../../lib/environments";
import { parseForm, runOrgAction } from "../../lib/organizations";
import { namedFieldsSchema, readNamedFields } from "../../lib/teams";

const pagePath = "/environments";

export async function createEnvironmentAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const fields = parseForm(namedFieldsSchema, readNamedFields(formData));
    const environment = await createEnvironment(token, orgId, fields);
    return `Environment “${environment.name}” created.`;
  });
}

export async function updateEnvironmentAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const fields = parseForm(namedFieldsSchema, readNamedFields(formData));
    const environmentId = String(formData.get("environmentId") ?? "");
    const environment = await updateEnvironment(token, orgId, environmentId, fields);
    return `Environment renamed to “${environment.name}”.`;
  });
}

export async function deleteEnvironmentAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    await deleteEnvironment(token, orgId, String(formData.get("environmentId") ?? ""));
    return `Environment “${String(formData.get("name") ?? "")}” deleted.`;
  });
}

export async function assignConnectionAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const environmentId = String(formData.get("environmentId") ?? "");
    const connectionId = String(formData.get("connectionId") ?? "");
    const assigned = formData.get("assigned") === "true";
    await assignConnection(token, orgId, environmentId, connectionId, assigned);
    return assigned ? "Connection assigned." : "Connection removed from the environment.";
  });
}

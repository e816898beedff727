"use server";
// The clusters page's actions: make a bootstrap token (shown once) to install an agent, revoke an agent.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError } from "../../lib/api-client";
import { createBootstrapToken, revokeAgent } from "../../lib/clusters";
import { installCommands } from "../../lib/clusters-format";
import { parseForm, refusalMessage, runOrgAction } from "../../lib/organizations";
import { selectedOrganization } from "../../lib/selected-org";
import { currentOrganizations, requireApiToken } from "../../lib/signed-in";
import { serverContext } from "../../server-context";

const pagePath = "/clusters";

export type AddClusterState =
  | { status: "idle" }
  | { status: "created"; token: string; expiresAt: string; helm: string; kubectl: string }
  | { status: "error"; message: string };

const nameSchema = z
  .string()
  .trim()
  .max(200, "Keep the name to 200 characters")
  .regex(/^[^\n\r]*$/, "The name must fit on one line");

export async function addClusterAction(
  _previous: AddClusterState,
  formData: FormData,
): Promise<AddClusterState> {
  const token = await requireApiToken(pagePath);
  const name = nameSchema.safeParse(formData.get("name") ?? "");
  if (!name.success) return { status: "error", message: name.error.issues[0]?.message ?? "Check the name" };
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization)
    return { status: "error", message: "You belong to no organization to add a cluster to." };
  try {
    const created = await createBootstrapToken(token, organization.id, name.data || undefined);
    const commands = installCommands({ apiUrl: agentUrlOf(created.installCommand), token: created.token });
    // The token lives only in this answer: the API keeps its hash, and the page never shows it again.
    return { status: "created", token: created.token, expiresAt: created.expiresAt, ...commands };
  } catch (error) {
    if (error instanceof ApiError) return { status: "error", message: refusalMessage(error) };
    throw error;
  }
}

/** The URL the API tells agents to dial (it knows its public address best); ours as a fallback. */
function agentUrlOf(installCommand: string): string {
  const match = /--set meshplane\.url='([^']+)'/.exec(installCommand);
  return match?.[1] ?? serverContext().env.publicApiUrl;
}

const revokeSchema = z.object({ agentId: z.uuid("Pick an agent to revoke") });

export async function revokeAgentAction(formData: FormData): Promise<void> {
  await runOrgAction(pagePath, async (token, orgId) => {
    const { agentId } = parseForm(revokeSchema, { agentId: formData.get("agentId") ?? "" });
    await revokeAgent(token, orgId, agentId);
    revalidatePath(`${pagePath}/${formData.get("connectionId") ?? ""}`);
    return "Agent revoked: it can no longer call in. Install it again with a new token to bring the cluster back.";
  });
}

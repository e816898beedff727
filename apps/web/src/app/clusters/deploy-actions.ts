"use server";
// What the deploy dialog calls from the browser: the clusters it can target, starting a job, following it.
import { z } from "zod";
import { ApiError } from "../../lib/api-client";
import { type ClusterJob, createDesignJob, getDesignJob, listClusters } from "../../lib/clusters";
import { refusalMessage } from "../../lib/organizations";
import { selectedOrganization } from "../../lib/selected-org";
import { currentOrganizations, requireApiToken } from "../../lib/signed-in";

export type DeployTarget = { connectionId: string; name: string; status: string };
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

async function session(): Promise<{ token: string; orgId: string } | undefined> {
  const token = await requireApiToken("/designs");
  const organization = await selectedOrganization(await currentOrganizations(token));
  return organization ? { token, orgId: organization.id } : undefined;
}

async function answer<T>(work: (token: string, orgId: string) => Promise<T>): Promise<Answer<T>> {
  const signedIn = await session();
  if (!signedIn) return { ok: false, message: "You belong to no organization yet." };
  try {
    return { ok: true, value: await work(signedIn.token, signedIn.orgId) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: refusalMessage(error) };
    throw error;
  }
}

/** Clusters with an agent that is not revoked; the dialog offers only the connected ones. */
export async function listDeployTargetsAction(): Promise<Answer<DeployTarget[]>> {
  return answer(async (token, orgId) =>
    (await listClusters(token, orgId))
      .filter((cluster) => cluster.agentId && !cluster.revoked)
      .map(({ connectionId, name, status }) => ({ connectionId, name, status })),
  );
}

const startSchema = z.object({
  designId: z.uuid(),
  connectionId: z.uuid(),
  kind: z.enum(["deploy", "undeploy", "dryRun"]),
});

export async function startDesignJobAction(input: {
  designId: string;
  connectionId: string;
  kind: string;
}): Promise<Answer<ClusterJob>> {
  const parsed = startSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Pick a cluster and what to do." };
  return answer((token, orgId) => createDesignJob(token, { orgId, ...parsed.data }));
}

export async function followDesignJobAction(jobId: string): Promise<Answer<ClusterJob>> {
  if (!z.uuid().safeParse(jobId).success) return { ok: false, message: "No such job." };
  return answer((token, orgId) => getDesignJob(token, orgId, jobId));
}

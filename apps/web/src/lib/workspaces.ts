// The workspaces of an organisation, as the dashboard lists them.
import { z } from "zod";
import { callApi } from "./api-client";

const workspaceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  createdAt: z.string().nullish(),
});
export type Workspace = z.infer<typeof workspaceSchema>;

const workspacePageSchema = z.looseObject({ totalCount: z.number(), workspaces: z.array(workspaceSchema) });

export async function listWorkspaces(
  token: string,
  orgId: string,
): Promise<{ totalCount: number; workspaces: Workspace[] }> {
  const page = await callApi(token, "/api/workspaces", workspacePageSchema, {
    query: { orgId, page: "0", pagesize: "50" },
  });
  return { totalCount: page.totalCount, workspaces: page.workspaces };
}

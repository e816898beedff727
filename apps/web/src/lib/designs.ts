// The designs API as the web's pages call it: list, read, import, rename and delete, with the user's JWT.
import { z } from "zod";
import { callApi } from "./api-client";

const designSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().default(""),
  workspaceId: z.string().nullish(),
  sourceType: z.string(),
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DesignSummary = z.infer<typeof designSummarySchema>;

const designSchema = designSummarySchema.extend({
  contentHash: z.string().nullish(),
  design: z.record(z.string(), z.unknown()),
});
export type DesignRecord = z.infer<typeof designSchema>;

const designPageSchema = z.looseObject({
  designs: z.array(designSummarySchema),
  totalCount: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DesignPage = z.infer<typeof designPageSchema>;

const importProblemSchema = z.looseObject({
  document: z.number().optional(),
  line: z.number().optional(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

const importedSchema = z.looseObject({
  design: designSchema,
  format: z.string(),
  warnings: z.array(importProblemSchema),
});
export type ImportedDesign = z.infer<typeof importedSchema>;

export const designsPageSize = 20;

const apiDesignPath = (id: string) => `/api/designs/${encodeURIComponent(id)}`;

export function listDesigns(
  token: string,
  params: { orgId: string; search?: string; page: number; workspaceId?: string },
): Promise<DesignPage> {
  return callApi(token, "/api/designs", designPageSchema, {
    query: {
      orgId: params.orgId,
      page: String(params.page),
      pagesize: String(designsPageSize),
      ...(params.search ? { search: params.search } : {}),
      ...(params.workspaceId ? { workspaceId: params.workspaceId } : {}),
    },
  });
}

export function getDesign(token: string, orgId: string, id: string): Promise<DesignRecord> {
  return callApi(token, apiDesignPath(id), designSchema, { query: { orgId } });
}

/** Exactly one of content, contentBase64 or url, as the API demands. */
export type DesignSource = { content: string } | { contentBase64: string } | { url: string };

export type DesignImport = {
  orgId: string;
  workspaceId?: string;
  name?: string;
  filename?: string;
  source: DesignSource;
};

export function importDesign(token: string, request: DesignImport): Promise<ImportedDesign> {
  const { source, ...rest } = request;
  return callApi(token, "/api/designs/import", importedSchema, {
    method: "POST",
    body: { ...rest, ...source },
  });
}

export function renameDesign(token: string, orgId: string, id: string, name: string): Promise<DesignRecord> {
  return callApi(token, apiDesignPath(id), designSchema, { method: "PUT", query: { orgId }, body: { name } });
}

export async function deleteDesign(token: string, orgId: string, id: string): Promise<void> {
  await callApi(token, apiDesignPath(id), z.unknown(), { method: "DELETE", query: { orgId } });
}

/** Where the document and line of an import problem are, in the words the API uses in its errors. */
export function describeImportProblem(problem: ImportProblem): string {
  const where = [
    problem.document ? `document ${problem.document}` : "",
    problem.line ? `line ${problem.line}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${problem.message}` : problem.message;
}

// A design's revisions through the API: the list, the diff between two, and restoring one.
import { z } from "zod";
import { callApi } from "./api-client";

const revisionSchema = z.looseObject({
  number: z.number(),
  contentHash: z.string(),
  message: z.string(),
  author: z.string().nullish(),
  createdAt: z.string(),
});
export type Revision = z.infer<typeof revisionSchema>;

const componentRefSchema = z.looseObject({ id: z.string(), kind: z.string(), name: z.string() });
export type ComponentRef = z.infer<typeof componentRefSchema>;

const fieldChangeSchema = z.looseObject({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const componentChangeSchema = componentRefSchema.extend({ fields: z.array(fieldChangeSchema) });
export type ComponentChange = z.infer<typeof componentChangeSchema>;

const relationshipRefSchema = z.looseObject({
  id: z.string(),
  kind: z.string(),
  type: z.string(),
  subType: z.string(),
});
export type RelationshipRef = z.infer<typeof relationshipRefSchema>;

const diffSchema = z.looseObject({
  from: z.number(),
  to: z.number(),
  name: z.looseObject({ before: z.string(), after: z.string() }).optional(),
  components: z.looseObject({
    added: z.array(componentRefSchema),
    removed: z.array(componentRefSchema),
    changed: z.array(componentChangeSchema),
  }),
  relationships: z.looseObject({
    added: z.array(relationshipRefSchema),
    removed: z.array(relationshipRefSchema),
    changed: z.array(relationshipRefSchema),
  }),
  unchanged: z.boolean(),
});
export type DesignDiff = z.infer<typeof diffSchema>;

const apiDesignPath = (id: string) => `/api/designs/${encodeURIComponent(id)}`;

export async function listRevisions(token: string, orgId: string, id: string): Promise<Revision[]> {
  const body = await callApi(
    token,
    `${apiDesignPath(id)}/revisions`,
    z.looseObject({ revisions: z.array(revisionSchema) }),
    { query: { orgId } },
  );
  return body.revisions;
}

export function diffRevisions(
  token: string,
  orgId: string,
  id: string,
  from: number,
  to: number,
): Promise<DesignDiff> {
  return callApi(token, `${apiDesignPath(id)}/diff`, diffSchema, {
    query: { orgId, from: String(from), to: String(to) },
  });
}

export async function restoreRevision(
  token: string,
  orgId: string,
  id: string,
  number: number,
): Promise<void> {
  await callApi(token, `${apiDesignPath(id)}/revisions/${number}/restore`, z.unknown(), {
    method: "POST",
    query: { orgId },
  });
}

// Wire shapes of designs: the record, its current content, its revisions.
import { z } from "@hono/zod-openapi";
import type { Design, DesignRevision, DesignRevisionSummary } from "@meshplane/db/queries";

export const DesignSummaryBody = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    organizationId: z.uuid(),
    workspaceId: z.uuid().nullable(),
    visibility: z.string(),
    sourceType: z.string(),
    owner: z.uuid().nullable(),
    revision: z.number().int().openapi({ description: "Number of the current revision" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("DesignSummary");

export const DesignBody = DesignSummaryBody.extend({
  contentHash: z.string().nullable(),
  design: z
    .record(z.string(), z.unknown())
    .openapi({ description: "The Meshery design (designs.meshery.io/v1beta1)" }),
}).openapi("Design");

export const RevisionBody = z
  .object({
    number: z.number().int(),
    contentHash: z.string(),
    message: z.string(),
    author: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi("DesignRevision");

export function toDesignSummary(row: Design): z.infer<typeof DesignSummaryBody> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organizationId: row.organizationId,
    workspaceId: row.workspaceId,
    visibility: row.visibility,
    sourceType: row.sourceType,
    owner: row.ownerId,
    revision: row.latestRevisionNumber,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDesign(row: Design, revision: DesignRevision | null): z.infer<typeof DesignBody> {
  return {
    ...toDesignSummary(row),
    revision: revision?.number ?? row.latestRevisionNumber,
    contentHash: revision?.contentHash ?? null,
    design: revision?.content ?? {},
  };
}

export function toRevision(row: DesignRevisionSummary): z.infer<typeof RevisionBody> {
  return {
    number: row.number,
    contentHash: row.contentHash,
    message: row.message,
    author: row.authorId,
    createdAt: row.createdAt.toISOString(),
  };
}

export const DesignParams = z.object({ id: z.uuid() });

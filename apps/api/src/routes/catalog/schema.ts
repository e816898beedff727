// Wire shapes of the public catalog, and the searchable summary frozen from a design at publication.
import { z } from "@hono/zod-openapi";
import type { CatalogEntry, FrozenDesign, PublicationRequest } from "@meshplane/db/queries";

export const catalogTypes = [
  "Deployment",
  "Observability",
  "Resiliency",
  "Scaling",
  "Security",
  "Traffic-management",
  "Troubleshooting",
  "Workloads",
] as const;

export const CatalogFieldsBody = z
  .object({
    type: z.enum(catalogTypes),
    technology: z.string().trim().min(1).max(60).default("kubernetes"),
    caveats: z.string().max(5000).default(""),
    info: z.string().max(5000).default(""),
  })
  .strict();

export const CatalogEntryBody = z
  .object({
    id: z.uuid(),
    designId: z.uuid(),
    name: z.string(),
    description: z.string(),
    publishedVersion: z.string(),
    type: z.string(),
    technology: z.string(),
    class: z.string(),
    caveats: z.string(),
    info: z.string(),
    componentKinds: z.array(z.string()),
    models: z.array(z.string()),
    categories: z.array(z.string()),
    componentCount: z.number().int(),
    counters: z.object({
      views: z.number(),
      downloads: z.number(),
      clones: z.number(),
      deployments: z.number(),
    }),
    publishedAt: z.string(),
  })
  .openapi("CatalogEntry");

export function toCatalogEntry(entry: CatalogEntry): z.infer<typeof CatalogEntryBody> {
  return {
    id: entry.id,
    designId: entry.designId,
    name: entry.name,
    description: entry.description,
    publishedVersion: entry.publishedVersion,
    type: entry.type,
    technology: entry.technology,
    class: entry.class,
    caveats: entry.caveats,
    info: entry.info,
    componentKinds: entry.componentKinds,
    models: entry.models,
    categories: entry.categories,
    componentCount: entry.componentCount,
    counters: {
      views: entry.viewCount,
      downloads: entry.downloadCount,
      clones: entry.cloneCount,
      deployments: entry.deploymentCount,
    },
    publishedAt: entry.publishedAt.toISOString(),
  };
}

export const PublicationRequestBody = z
  .object({
    id: z.uuid(),
    designId: z.uuid(),
    organizationId: z.uuid(),
    status: z.string(),
    reason: z.string().nullable(),
    type: z.string(),
    technology: z.string(),
    caveats: z.string(),
    info: z.string(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi("PublicationRequest");

export function toPublicationRequest(row: PublicationRequest): z.infer<typeof PublicationRequestBody> {
  return {
    id: row.id,
    designId: row.designId,
    organizationId: row.organizationId,
    status: row.status,
    reason: row.reason,
    type: row.type,
    technology: row.technology,
    caveats: row.caveats,
    info: row.info,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

type ComponentLike = { component?: { kind?: unknown }; model?: { name?: unknown; category?: unknown } };

/** What browsing needs from a design, read once when it is published. */
export function frozenSummary(content: Record<string, unknown>, description: string): FrozenDesign {
  const components = (Array.isArray(content.components) ? content.components : []) as ComponentLike[];
  const distinct = (values: unknown[]) =>
    [...new Set(values.filter((v): v is string => typeof v === "string" && v.length > 0))].sort();
  const categoryOf = (category: unknown) =>
    typeof category === "string" ? category : (category as { name?: unknown } | undefined)?.name;
  return {
    name: typeof content.name === "string" ? content.name : "Untitled design",
    description,
    componentKinds: distinct(components.map((c) => c.component?.kind)),
    models: distinct(components.map((c) => c.model?.name)),
    categories: distinct(
      components.map((c) => categoryOf(c.model?.category) ?? "Orchestration & Management"),
    ),
    componentCount: components.length,
  };
}

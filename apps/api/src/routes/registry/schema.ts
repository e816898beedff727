// The registry's public shapes: models, component and relationship definitions, and their pages.
import { z } from "@hono/zod-openapi";
import type {
  ComponentSummary,
  ModelReference,
  ModelSummary,
  RegistryComponent,
  RelationshipSummary,
} from "@meshplane/db/queries";
import type { Context } from "hono";
import { requireOrgAccess } from "../../auth/authorize";
import type { AppEnv } from "../../context";
import { SEED_HASH_KEY } from "../../seed/registry";

const metadata = z.record(z.string(), z.unknown());

/** Who a model belongs to: the shared registry, or the organisation whose clusters it was discovered in. */
const provenance = {
  discovered: z.boolean().openapi({ description: "True for a model discovered in the caller's clusters" }),
  source: z.enum(["registry", "crd"]).openapi({
    description: "`registry`: the shared, curated registry; `crd`: derived from a cluster's CRDs",
  }),
  organizationId: z
    .uuid()
    .nullable()
    .openapi({ description: "The organisation a discovered model belongs to; null when shared" }),
};

export const ModelReferenceBody = z
  .object({ id: z.uuid(), name: z.string(), version: z.string(), displayName: z.string(), ...provenance })
  .openapi("RegistryModelReference");

/**
 * `?orgId=`: also show that organisation's discovered models. Without it a read is anonymous and public and
 * shows the shared registry alone.
 */
export const RegistryScopeQuery = {
  orgId: z.uuid().optional().openapi({
    description: "Include this organisation's discovered models (needs membership with designs:read)",
  }),
  orgID: z.uuid().optional().openapi({ description: "The same as orgId, as Meshery's clients spell it" }),
};

/**
 * The scope a registry read runs in. Without `orgId`, the shared registry and a publicly cacheable answer;
 * with one, the caller must be a member holding designs:read (another tenant's organisation is 404, as
 * everywhere), and the answer, holding that organisation's models, is private to the caller.
 */
export async function registryScope(
  c: Context<AppEnv>,
  query: { orgId?: string | undefined; orgID?: string | undefined },
): Promise<{ organizationId?: string }> {
  const orgId = query.orgId ?? query.orgID;
  if (!orgId) {
    c.header("Cache-Control", "public, max-age=60");
    return {};
  }
  const access = await requireOrgAccess(c, orgId, "designs:read");
  c.header("Cache-Control", "private, no-store");
  c.header("Vary", "Authorization, Cookie");
  return { organizationId: access.organization.id };
}

export const ModelBody = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: "kubernetes" }),
    version: z.string().openapi({ example: "v1.0.0" }),
    displayName: z.string(),
    description: z.string(),
    category: z.string(),
    subCategory: z.string(),
    status: z.enum(["enabled", "ignored", "duplicate"]),
    metadata,
    componentCount: z.number().int(),
    relationshipCount: z.number().int(),
    ...provenance,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("RegistryModel");

export const ComponentBody = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({ example: "Deployment" }),
    apiVersion: z.string().openapi({ example: "apps/v1" }),
    displayName: z.string(),
    description: z.string(),
    metadata,
    model: ModelReferenceBody,
  })
  .openapi("RegistryComponent");

export const ComponentWithSchemaBody = ComponentBody.extend({
  schema: z.record(z.string(), z.unknown()).openapi({ description: "The kind's JSON Schema" }),
}).openapi("RegistryComponentWithSchema");

export const RelationshipBody = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({ example: "edge" }),
    type: z.string().openapi({ example: "non-binding" }),
    subType: z.string().openapi({ example: "network" }),
    status: z.enum(["enabled", "ignored", "deleted"]),
    description: z.string(),
    selectors: z.array(z.unknown()),
    metadata,
    model: ModelReferenceBody,
  })
  .openapi("RegistryRelationship");

export const paged = <T extends z.ZodType>(items: T) =>
  z.object({
    items: z.array(items),
    totalCount: z.number().int(),
    page: z.number().int().openapi({ description: "Zero-based" }),
    pageSize: z.number().int(),
  });

/** `?page=` is zero-based like the catalog's; `?pageSize=` is capped at 100. */
export const PageQuery = {
  page: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
};

const descriptionOf = (metadata: Record<string, unknown>) =>
  typeof metadata.description === "string" ? metadata.description : "";

const provenanceOf = (model: { organizationId: string | null }) => ({
  discovered: model.organizationId !== null,
  source: model.organizationId !== null ? ("crd" as const) : ("registry" as const),
  organizationId: model.organizationId,
});

const reference = (model: ModelReference) => ({
  id: model.id,
  name: model.name,
  version: model.version,
  displayName: model.displayName,
  ...provenanceOf(model),
});

export function toModel(model: ModelSummary): z.infer<typeof ModelBody> {
  // The seed's bookkeeping is no part of the model.
  const { [SEED_HASH_KEY]: _hash, ...rest } = model.metadata;
  return {
    id: model.id,
    name: model.name,
    version: model.version,
    displayName: model.displayName,
    description: descriptionOf(model.metadata),
    category: model.category,
    subCategory: model.subCategory,
    status: model.status,
    metadata: rest,
    componentCount: model.componentCount,
    relationshipCount: model.relationshipCount,
    ...provenanceOf(model),
    createdAt: model.createdAt.toISOString(),
    updatedAt: model.updatedAt.toISOString(),
  };
}

export function toComponent(component: ComponentSummary): z.infer<typeof ComponentBody> {
  return {
    id: component.id,
    kind: component.kind,
    apiVersion: component.apiVersion,
    displayName: component.displayName,
    description: descriptionOf(component.metadata),
    metadata: component.metadata,
    model: reference(component.model),
  };
}

export function toComponentWithSchema(
  component: RegistryComponent & { model: ModelReference },
): z.infer<typeof ComponentWithSchemaBody> {
  return { ...toComponent(component), schema: component.schema };
}

export function toRelationship(relationship: RelationshipSummary): z.infer<typeof RelationshipBody> {
  return {
    id: relationship.id,
    kind: relationship.kind,
    type: relationship.type,
    subType: relationship.subType,
    status: relationship.status,
    description: descriptionOf(relationship.metadata),
    selectors: relationship.selectors,
    metadata: relationship.metadata,
    model: reference(relationship.model),
  };
}

// Workspaces, environments and teams share one shape (named, owned, per organisation) and so one set of routes.
import { z } from "@hono/zod-openapi";
import type { Db } from "@meshplane/db/types";
import type { PermissionKey } from "../../auth/permissions";

export type NamedResource = {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  ownerId: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
};

type Scoped = { organizationId: string; id: string };
export type NamedFields = { name: string; description?: string; metadata?: Record<string, unknown> };

export type NamedResourceSpec = {
  /** `/api/workspaces`: Meshery's path for the resource. */
  path: string;
  /** Singular and plural names: OpenAPI schema names, page keys, messages. */
  singular: string;
  plural: string;
  tag: string;
  read: PermissionKey;
  manage: PermissionKey;
  capability?: { feature: string; endpoint: string };
  queries: {
    list: (db: Db, params: { organizationId: string }) => Promise<NamedResource[]>;
    get: (db: Db, params: Scoped) => Promise<NamedResource | undefined>;
    create: (
      db: Db,
      params: NamedFields & { organizationId: string; ownerId: string },
    ) => Promise<NamedResource>;
    update: (db: Db, params: Scoped & NamedFields) => Promise<NamedResource | undefined>;
    delete: (db: Db, params: Scoped) => Promise<boolean>;
  };
};

export const NamedResourceBody = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  organizationId: z.uuid(),
  owner: z.uuid().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function toNamedResource(row: NamedResource): z.infer<typeof NamedResourceBody> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organizationId: row.organizationId,
    owner: row.ownerId,
    metadata: row.metadata,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const NamedFieldsBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** Meshery passes the organisation as `orgID` (sometimes `orgId`); an API token implies its own. */
export const OrgQuery = z.object({ orgID: z.uuid().optional(), orgId: z.uuid().optional() });
export const orgIdOf = (query: { orgID?: string | undefined; orgId?: string | undefined }) =>
  query.orgId ?? query.orgID;

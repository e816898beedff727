// Many-to-many links inside one organisation: workspaces to teams, environments and designs; environments to connections.
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { connections } from "../schema/connections";
import { designs } from "../schema/designs";
import { environmentConnections } from "../schema/environment-connections";
import { environments } from "../schema/environments";
import { teams } from "../schema/teams";
import { workspaceDesigns } from "../schema/workspace-designs";
import { workspaceEnvironments } from "../schema/workspace-environments";
import { workspaceTeams } from "../schema/workspace-teams";
import type { Db } from "../types";
import { DomainError, sqlStateOf } from "./transactions";

type LinkTable = PgTable & { organizationId: PgColumn };
type Link = {
  table: LinkTable;
  parent: PgColumn;
  child: PgColumn;
  parentKey: string;
  childKey: string;
  children: PgTable & { id: PgColumn; name: PgColumn };
};

const linkKinds = {
  "workspace-teams": {
    table: workspaceTeams,
    parent: workspaceTeams.workspaceId,
    child: workspaceTeams.teamId,
    parentKey: "workspaceId",
    childKey: "teamId",
    children: teams,
  },
  "workspace-environments": {
    table: workspaceEnvironments,
    parent: workspaceEnvironments.workspaceId,
    child: workspaceEnvironments.environmentId,
    parentKey: "workspaceId",
    childKey: "environmentId",
    children: environments,
  },
  "workspace-designs": {
    table: workspaceDesigns,
    parent: workspaceDesigns.workspaceId,
    child: workspaceDesigns.designId,
    parentKey: "workspaceId",
    childKey: "designId",
    children: designs,
  },
  "environment-connections": {
    table: environmentConnections,
    parent: environmentConnections.environmentId,
    child: environmentConnections.connectionId,
    parentKey: "environmentId",
    childKey: "connectionId",
    children: connections,
  },
} satisfies Record<string, Link>;

export type LinkKind = keyof typeof linkKinds;
export type LinkParams = { organizationId: string; parentId: string; childId: string };

/** Links two rows; the composite foreign keys refuse ends of another organisation, which reads as not found. */
export async function addLink(db: Db, kind: LinkKind, params: LinkParams): Promise<void> {
  const link: Link = linkKinds[kind];
  try {
    await db
      .insert(link.table)
      .values({
        organizationId: params.organizationId,
        [link.parentKey]: params.parentId,
        [link.childKey]: params.childId,
      } as never)
      .onConflictDoNothing();
  } catch (error) {
    if (sqlStateOf(error) === "23503")
      throw new DomainError("not_found", "no such resource in this organization");
    throw error;
  }
}

export async function removeLink(db: Db, kind: LinkKind, params: LinkParams): Promise<boolean> {
  const link: Link = linkKinds[kind];
  const removed = await db
    .delete(link.table)
    .where(
      and(
        eq(link.table.organizationId, params.organizationId),
        eq(link.parent, params.parentId),
        eq(link.child, params.childId),
      ),
    )
    .returning();
  return removed.length > 0;
}

/** The rows linked to one parent, by name. */
export async function listLinked<K extends LinkKind>(
  db: Db,
  kind: K,
  params: { organizationId: string; parentId: string },
): Promise<(typeof linkKinds)[K]["children"]["$inferSelect"][]> {
  const link: Link = linkKinds[kind];
  const rows = await db
    .select({ child: getTableColumns(link.children) })
    .from(link.table)
    .innerJoin(link.children, eq(link.children.id, link.child))
    .where(and(eq(link.table.organizationId, params.organizationId), eq(link.parent, params.parentId)))
    .orderBy(asc(link.children.name));
  return rows.map((row) => row.child) as never;
}

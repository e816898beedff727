// Workspaces of one organisation: create, list, read, rename, delete; another organisation's ids find nothing.
import { and, asc, eq } from "drizzle-orm";
import { workspaces } from "../schema/workspaces";
import type { Db } from "../types";
import { conflictOnDuplicate, returnedRow } from "./transactions";

export type Workspace = typeof workspaces.$inferSelect;

type Scoped = { organizationId: string; id: string };

const scoped = (params: Scoped) =>
  and(eq(workspaces.organizationId, params.organizationId), eq(workspaces.id, params.id));

export async function createWorkspace(
  db: Db,
  params: {
    organizationId: string;
    name: string;
    description?: string;
    ownerId?: string | null;
    metadata?: Record<string, unknown>;
  },
): Promise<Workspace> {
  const rows = await conflictOnDuplicate(
    db.insert(workspaces).values(params).returning(),
    `a workspace named ${params.name} exists`,
  );
  return returnedRow(rows, "insert into workspaces");
}

export function listWorkspaces(db: Db, params: { organizationId: string }): Promise<Workspace[]> {
  return db
    .select()
    .from(workspaces)
    .where(eq(workspaces.organizationId, params.organizationId))
    .orderBy(asc(workspaces.name));
}

export async function getWorkspace(db: Db, params: Scoped): Promise<Workspace | undefined> {
  const [row] = await db.select().from(workspaces).where(scoped(params));
  return row;
}

export async function renameWorkspace(
  db: Db,
  params: Scoped & { name: string; description?: string },
): Promise<Workspace | undefined> {
  const [row] = await conflictOnDuplicate(
    db
      .update(workspaces)
      .set({
        name: params.name,
        ...(params.description === undefined ? {} : { description: params.description }),
      })
      .where(scoped(params))
      .returning(),
    `a workspace named ${params.name} exists`,
  );
  return row;
}

/** Deletes the workspace and its links; designs created in it stay in the organisation, unassigned. */
export async function deleteWorkspace(db: Db, params: Scoped): Promise<boolean> {
  const removed = await db.delete(workspaces).where(scoped(params)).returning({ id: workspaces.id });
  return removed.length > 0;
}

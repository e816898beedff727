// Designs of one organisation: created with their first revision, searched and paged, read with the current revision.
import { and, count, desc, eq, ilike, inArray } from "drizzle-orm";
import { designRevisions } from "../schema/design-revisions";
import { type DesignSourceType, type DesignVisibility, designs } from "../schema/designs";
import { workspaces } from "../schema/workspaces";
import type { Db } from "../types";
import { type DesignRevision, type NewRevision, saveDesignRevision } from "./design-revisions";
import { DomainError, returnedRow, withTransaction } from "./transactions";

export type Design = typeof designs.$inferSelect;
export type DesignWithContent = Design & { currentRevision: DesignRevision | null };
export type DesignPage = { designs: Design[]; total: number; page: number; pageSize: number };

type Scoped = { organizationId: string; id: string };

export type NewDesign = NewRevision & {
  organizationId: string;
  name: string;
  workspaceId?: string | null;
  ownerId?: string | null;
  description?: string;
  visibility?: DesignVisibility;
  sourceType?: DesignSourceType;
};

/** Creates the design and its revision 1 together: a design never exists without content. */
export function createDesign(
  db: Db,
  params: NewDesign,
): Promise<{ design: Design; revision: DesignRevision }> {
  const { content, message, authorId, sourceContent, ...fields } = params;
  return withTransaction(db, async (tx) => {
    if (fields.workspaceId) {
      const [workspace] = await tx
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(
          and(eq(workspaces.organizationId, fields.organizationId), eq(workspaces.id, fields.workspaceId)),
        );
      if (!workspace) throw new DomainError("not_found", "workspace not found");
    }
    const created = returnedRow(await tx.insert(designs).values(fields).returning(), "insert into designs");
    const revision = await saveDesignRevision(tx, {
      organizationId: created.organizationId,
      designId: created.id,
      content,
      message: message ?? "Created",
      authorId: authorId ?? fields.ownerId ?? null,
      sourceContent,
    });
    if (!revision) throw new Error("the design just created was not found");
    return {
      design: { ...created, currentRevisionId: revision.id, latestRevisionNumber: revision.number },
      revision,
    };
  });
}

/** `%` and `_` typed by a user are searched for literally. */
function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function listDesigns(
  db: Db,
  params: {
    organizationId: string;
    search?: string;
    workspaceId?: string;
    visibility?: DesignVisibility[];
    page?: number;
    pageSize?: number;
  },
): Promise<DesignPage> {
  const page = Math.max(params.page ?? 0, 0);
  const pageSize = Math.min(Math.max(params.pageSize ?? 25, 1), 100);
  const where = and(
    eq(designs.organizationId, params.organizationId),
    params.search ? ilike(designs.name, containsPattern(params.search)) : undefined,
    params.workspaceId ? eq(designs.workspaceId, params.workspaceId) : undefined,
    params.visibility?.length ? inArray(designs.visibility, params.visibility) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(designs)
      .where(where)
      .orderBy(desc(designs.updatedAt), desc(designs.id))
      .limit(pageSize)
      .offset(page * pageSize),
    db.select({ total: count() }).from(designs).where(where),
  ]);
  return { designs: rows, total: Number(totals[0]?.total ?? 0), page, pageSize };
}

export async function getDesign(db: Db, params: Scoped): Promise<DesignWithContent | undefined> {
  const [row] = await db
    .select({ design: designs, currentRevision: designRevisions })
    .from(designs)
    .leftJoin(designRevisions, eq(designRevisions.id, designs.currentRevisionId))
    .where(and(eq(designs.organizationId, params.organizationId), eq(designs.id, params.id)));
  return row && { ...row.design, currentRevision: row.currentRevision };
}

export async function updateDesign(
  db: Db,
  params: Scoped & { name?: string; description?: string; visibility?: DesignVisibility },
): Promise<Design | undefined> {
  const { organizationId, id, ...fields } = params;
  const [row] = await db
    .update(designs)
    .set(fields)
    .where(and(eq(designs.organizationId, organizationId), eq(designs.id, id)))
    .returning();
  return row;
}

export async function deleteDesign(db: Db, params: Scoped): Promise<boolean> {
  const removed = await db
    .delete(designs)
    .where(and(eq(designs.organizationId, params.organizationId), eq(designs.id, params.id)))
    .returning({ id: designs.id });
  return removed.length > 0;
}

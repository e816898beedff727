// Design revisions: saving a new one (numbered under the design's row lock) and reading the history.
import { and, desc, eq, sql } from "drizzle-orm";
import { designRevisions } from "../schema/design-revisions";
import { designs } from "../schema/designs";
import type { Db } from "../types";
import { returnedRow, withTransaction } from "./transactions";

export type DesignRevision = typeof designRevisions.$inferSelect;
export type DesignRevisionSummary = Omit<DesignRevision, "content" | "sourceContent">;
export type DesignContent = Record<string, unknown>;

/** JSON with object keys sorted, so equal designs hash equal whatever order their keys came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export async function hashDesignContent(content: DesignContent): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalJson(content)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type NewRevision = {
  content: DesignContent;
  message?: string;
  authorId?: string | null;
  sourceContent?: string | null;
};

/**
 * Appends the next revision and makes it current. Incrementing the design's counter takes its row lock,
 * so concurrent saves are serialised and numbers never repeat or skip. Nothing if the design isn't the org's.
 */
export function saveDesignRevision(
  db: Db,
  params: NewRevision & { organizationId: string; designId: string },
): Promise<DesignRevision | undefined> {
  return withTransaction(db, async (tx) => {
    const [design] = await tx
      .update(designs)
      .set({ latestRevisionNumber: sql`${designs.latestRevisionNumber} + 1` })
      .where(and(eq(designs.organizationId, params.organizationId), eq(designs.id, params.designId)))
      .returning({ number: designs.latestRevisionNumber });
    if (!design) return undefined;
    const revision = returnedRow(
      await tx
        .insert(designRevisions)
        .values({
          organizationId: params.organizationId,
          designId: params.designId,
          number: design.number,
          content: params.content,
          contentHash: await hashDesignContent(params.content),
          message: params.message ?? "",
          authorId: params.authorId ?? null,
          sourceContent: params.sourceContent ?? null,
        })
        .returning(),
      "insert into design_revisions",
    );
    await tx.update(designs).set({ currentRevisionId: revision.id }).where(eq(designs.id, params.designId));
    return revision;
  });
}

/** The design's history, newest first, without the content bodies. */
export function listDesignRevisions(
  db: Db,
  params: { organizationId: string; designId: string },
): Promise<DesignRevisionSummary[]> {
  return db
    .select({
      id: designRevisions.id,
      organizationId: designRevisions.organizationId,
      designId: designRevisions.designId,
      number: designRevisions.number,
      contentHash: designRevisions.contentHash,
      message: designRevisions.message,
      authorId: designRevisions.authorId,
      createdAt: designRevisions.createdAt,
    })
    .from(designRevisions)
    .where(
      and(
        eq(designRevisions.organizationId, params.organizationId),
        eq(designRevisions.designId, params.designId),
      ),
    )
    .orderBy(desc(designRevisions.number));
}

export async function getDesignRevision(
  db: Db,
  params: { organizationId: string; designId: string; number: number },
): Promise<DesignRevision | undefined> {
  const [row] = await db
    .select()
    .from(designRevisions)
    .where(
      and(
        eq(designRevisions.organizationId, params.organizationId),
        eq(designRevisions.designId, params.designId),
        eq(designRevisions.number, params.number),
      ),
    );
  return row;
}

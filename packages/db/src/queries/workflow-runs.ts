// Records of in-process workflow runs: started, then completed or failed with the last error.
import { and, desc, eq } from "drizzle-orm";
import { workflowRuns } from "../schema/workflow-runs";
import type { Db } from "../types";

export type WorkflowRun = typeof workflowRuns.$inferSelect;

export async function startWorkflowRun(
  db: Db,
  run: { functionId: string; eventName: string; eventId: string },
): Promise<WorkflowRun> {
  const [row] = await db
    .insert(workflowRuns)
    .values({ ...run, status: "running" })
    .returning();
  if (!row) throw new Error("insert into workflow_runs returned no row");
  return row;
}

export async function finishWorkflowRun(
  db: Db,
  params: { id: string; status: "completed" | "failed"; attempts: number; error?: string; output?: unknown },
): Promise<void> {
  await db
    .update(workflowRuns)
    .set({
      status: params.status,
      attempts: params.attempts,
      error: params.error ?? null,
      output: params.output ?? null,
      finishedAt: new Date(),
    })
    .where(eq(workflowRuns.id, params.id));
}

export async function listWorkflowRuns(
  db: Db,
  params: { functionId?: string; status?: WorkflowRun["status"]; limit?: number },
): Promise<WorkflowRun[]> {
  const filters = [
    params.functionId ? eq(workflowRuns.functionId, params.functionId) : undefined,
    params.status ? eq(workflowRuns.status, params.status) : undefined,
  ];
  return db
    .select()
    .from(workflowRuns)
    .where(and(...filters))
    .orderBy(desc(workflowRuns.startedAt))
    .limit(Math.min(params.limit ?? 50, 200));
}

// Owns the per-object report of an apply, dry run, prune or delete, including the API server's causes.
import type { KubeResponse } from "../kube-api";
import type { ObjectRef } from "./objects";

export type ObjectAction =
  | "created"
  | "configured"
  | "pruned"
  | "deleted"
  | "kept"
  | "absent"
  | "wouldCreate"
  | "wouldConfigure"
  | "unchanged"
  | "failed";

export interface ApiCause {
  reason?: string;
  field?: string;
  message?: string;
}

export interface ObjectFailure {
  status: number;
  /** The API server's reason: Conflict (another field manager), Invalid (e.g. an immutable field)... */
  reason: string;
  message: string;
  causes: ApiCause[];
}

export interface ObjectResult extends ObjectRef {
  action: ObjectAction;
  error?: ObjectFailure;
  /** Deploy with a health timeout only: the object's health when the job ended. */
  health?: "healthy" | "progressing" | "failed";
  /** Dry run only: the fields the apply would change, as paths. */
  changes?: { path: string; op: "add" | "remove" | "replace" }[];
}

export function failureOf(response: KubeResponse): ObjectFailure {
  const body = (typeof response.body === "object" && response.body) || {};
  const causes = Array.isArray(body.details?.causes) ? (body.details.causes as ApiCause[]) : [];
  return {
    status: response.status,
    reason: typeof body.reason === "string" ? body.reason : `HTTP${response.status}`,
    message:
      typeof body.message === "string" ? body.message : String(response.body ?? `HTTP ${response.status}`),
    causes: causes.map((cause) => ({
      ...(cause.reason ? { reason: cause.reason } : {}),
      ...(cause.field ? { field: cause.field } : {}),
      ...(cause.message ? { message: cause.message } : {}),
    })),
  };
}

export function failedResult(ref: ObjectRef, failure: ObjectFailure): ObjectResult {
  return { ...ref, action: "failed", error: failure };
}

/** One line per failed object, for the job's error text; the details stay in the result. */
export function summarizeFailures(results: ObjectResult[]): string | null {
  const failed = results.filter((result) => result.action === "failed" || result.error);
  if (failed.length === 0) return null;
  const lines = failed.map(
    (result) =>
      `${result.kind} ${result.namespace ? `${result.namespace}/` : ""}${result.name}: ${result.error?.reason}: ${result.error?.message}`,
  );
  return `${failed.length} of ${results.length} objects failed: ${lines.join("; ")}`;
}

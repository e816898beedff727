"use server";
// Importing an SMP or Fortio (Meshery) result: the document goes to the API as text, and its result opens.
import { redirect } from "next/navigation";
import { ApiError } from "../../../lib/api-client";
import { importResult, isMissingRoute } from "../../../lib/performance";
import { resultPath } from "../../../lib/performance-format";
import { performanceActionSession } from "../../../lib/performance-session";

export type ImportResultState = { error?: string };

export async function importResultAction(
  _previous: ImportResultState,
  data: FormData,
): Promise<ImportResultState> {
  const { token, orgId } = await performanceActionSession("/performance/import");
  const text = String(data.get("data") ?? "");
  if (!text.trim()) return { error: "Paste a result or choose a file first." };
  const format = String(data.get("format") ?? "");
  const profileId = String(data.get("profileId") ?? "");
  const name = String(data.get("name") ?? "").trim();
  let id: string;
  try {
    const imported = await importResult(token, orgId, {
      data: text,
      ...(format === "smp" || format === "fortio" ? { format } : {}),
      ...(profileId ? { profileId } : {}),
      ...(name ? { name } : {}),
    });
    id = imported.id;
  } catch (error) {
    if (isMissingRoute(error))
      return { error: "Importing results is not available yet: the API has no route for it." };
    if (error instanceof ApiError) return { error: error.message };
    throw error;
  }
  redirect(resultPath(id));
}

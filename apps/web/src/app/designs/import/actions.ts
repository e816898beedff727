"use server";
// Importing a design from a file, pasted text or a URL into the selected organisation.
import { redirect } from "next/navigation";
import { ApiError } from "../../../lib/api-client";
import { describeImportProblem, importDesign } from "../../../lib/designs";
import { designPath } from "../../../lib/designs-format";
import { importFormOf } from "../../../lib/designs-import";
import { designsActionSession } from "../../../lib/designs-session";

export type ImportDesignState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "imported"; id: string; name: string; format: string; warnings: string[] };

export async function importDesignAction(
  _previous: ImportDesignState,
  formData: FormData,
): Promise<ImportDesignState> {
  const { token, orgId } = await designsActionSession("/designs/import");
  const form = importFormOf(formData);
  if ("error" in form) return { status: "error", message: form.error };
  let imported: Awaited<ReturnType<typeof importDesign>>;
  try {
    imported = await importDesign(token, { orgId, ...form });
  } catch (error) {
    if (error instanceof ApiError) return { status: "error", message: error.message };
    throw error;
  }
  const { design, format, warnings } = imported;
  // Warnings are worth reading before moving on; a clean import goes straight to the design.
  if (warnings.length === 0) redirect(designPath(design.id));
  return {
    status: "imported",
    id: design.id,
    name: design.name,
    format,
    warnings: warnings.map(describeImportProblem),
  };
}

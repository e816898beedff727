"use server";
// The author's publishing actions: request review, edit the published entry's catalog fields, unpublish.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError } from "../../../../lib/api-client";
import {
  type CatalogFieldErrors,
  type CatalogFields,
  catalogFieldErrorsOf,
  catalogFieldsOf,
  editCatalogEntry,
  requestPublication,
  unpublishCatalogEntry,
} from "../../../../lib/catalog-review";
import { designPath } from "../../../../lib/designs-format";
import { designsActionSession } from "../../../../lib/designs-session";

/** What the fields form shows after a refused submission: the API's errors by field and what was typed. */
export type CatalogFieldsState =
  | { status: "idle" }
  | { status: "error"; errors: CatalogFieldErrors; values: CatalogFields };

const publishPath = (designId: string, query = "") => designPath(designId, `/publish${query}`);

export async function requestPublicationAction(
  _previous: CatalogFieldsState,
  formData: FormData,
): Promise<CatalogFieldsState> {
  const designId = String(formData.get("designId") ?? "");
  const { token, orgId } = await designsActionSession(publishPath(designId));
  const fields = catalogFieldsOf(formData);
  try {
    await requestPublication(token, orgId, designId, fields);
  } catch (error) {
    if (error instanceof ApiError)
      return { status: "error", errors: catalogFieldErrorsOf(error.message), values: fields };
    throw error;
  }
  revalidatePath(publishPath(designId));
  redirect(publishPath(designId, "?done=requested"));
}

export async function editEntryAction(
  _previous: CatalogFieldsState,
  formData: FormData,
): Promise<CatalogFieldsState> {
  const designId = String(formData.get("designId") ?? "");
  const entryId = String(formData.get("entryId") ?? "");
  const { token, orgId } = await designsActionSession(publishPath(designId));
  const fields = catalogFieldsOf(formData);
  try {
    await editCatalogEntry(token, orgId, entryId, fields);
  } catch (error) {
    if (error instanceof ApiError)
      return { status: "error", errors: catalogFieldErrorsOf(error.message), values: fields };
    throw error;
  }
  revalidatePath(publishPath(designId));
  redirect(publishPath(designId, "?done=edited"));
}

export async function unpublishAction(formData: FormData): Promise<void> {
  const designId = String(formData.get("designId") ?? "");
  const entryId = String(formData.get("entryId") ?? "");
  const { token, orgId } = await designsActionSession(publishPath(designId));
  let failure: string | undefined;
  try {
    await unpublishCatalogEntry(token, orgId, entryId);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = error.message;
  }
  revalidatePath(publishPath(designId));
  redirect(publishPath(designId, failure ? `?error=${encodeURIComponent(failure)}` : "?done=unpublished"));
}

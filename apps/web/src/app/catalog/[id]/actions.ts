"use server";
// Cloning a published design into the signed-in user's organisation (and workspace), then opening the copy,
// with its deploy dialog open when the user asked to deploy it.
import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError, callApi } from "../../../lib/api-client";
import { designsActionSession } from "../../../lib/designs-session";

const cloned = z.looseObject({ id: z.string() });

export async function cloneCatalogDesign(formData: FormData): Promise<void> {
  const entryId = String(formData.get("entryId") ?? "");
  const workspaceId = String(formData.get("workspaceId") ?? "");
  const { token, orgId } = await designsActionSession(`/catalog/${entryId}`);
  let designId: string;
  try {
    const design = await callApi(token, `/api/catalog/designs/${encodeURIComponent(entryId)}/clone`, cloned, {
      method: "POST",
      body: { orgId, ...(workspaceId ? { workspaceId } : {}) },
    });
    designId = design.id;
  } catch (failure) {
    if (failure instanceof ApiError)
      redirect(`/catalog/${entryId}?error=${encodeURIComponent(failure.message)}`);
    throw failure;
  }
  // "Clone and deploy" opens the copy with its deploy dialog up.
  redirect(formData.get("then") === "deploy" ? `/designs/${designId}?deploy=1` : `/designs/${designId}`);
}

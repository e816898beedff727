"use server";
// Renaming and deleting a design from its page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError } from "../../../lib/api-client";
import { deleteDesign, renameDesign } from "../../../lib/designs";
import { designPath } from "../../../lib/designs-format";
import { designsActionSession } from "../../../lib/designs-session";

const nameSchema = z
  .string()
  .trim()
  .min(1, "Give the design a name")
  .max(255, "Keep the name to 255 characters");

export async function renameDesignAction(formData: FormData): Promise<void> {
  const id = String(formData.get("designId") ?? "");
  const page = designPath(id);
  const { token, orgId } = await designsActionSession(page);
  const name = nameSchema.safeParse(formData.get("name") ?? "");
  if (!name.success) redirect(withError(page, name.error.issues[0]?.message ?? "Check the name"));
  let failure: string | undefined;
  try {
    await renameDesign(token, orgId, id, name.data);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = error.message;
  }
  revalidatePath(page);
  redirect(failure ? withError(page, failure) : page);
}

export async function deleteDesignAction(formData: FormData): Promise<void> {
  const id = String(formData.get("designId") ?? "");
  const page = designPath(id);
  const { token, orgId } = await designsActionSession(page);
  let failure: string | undefined;
  try {
    await deleteDesign(token, orgId, id);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = error.message;
  }
  revalidatePath("/designs");
  redirect(failure ? withError(page, failure) : "/designs");
}

function withError(path: string, message: string): string {
  return `${path}?error=${encodeURIComponent(message)}`;
}

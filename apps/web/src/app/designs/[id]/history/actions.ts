"use server";
// Restoring an earlier revision of a design: its content becomes the newest revision.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError } from "../../../../lib/api-client";
import { designPath } from "../../../../lib/designs-format";
import { restoreRevision } from "../../../../lib/designs-history";
import { designsActionSession } from "../../../../lib/designs-session";

export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const id = String(formData.get("designId") ?? "");
  const number = Number(formData.get("revision"));
  const history = designPath(id, "/history");
  const { token, orgId } = await designsActionSession(history);
  if (!Number.isInteger(number) || number < 1)
    redirect(`${history}?error=${encodeURIComponent("Pick a revision to restore")}`);
  let failure: string | undefined;
  try {
    await restoreRevision(token, orgId, id, number);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = error.message;
  }
  revalidatePath(history);
  revalidatePath(designPath(id));
  redirect(
    failure
      ? `${history}?error=${encodeURIComponent(failure)}`
      : `${history}?restored=${encodeURIComponent(String(number))}`,
  );
}

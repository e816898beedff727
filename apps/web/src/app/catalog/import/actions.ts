"use server";
// A curator's model upload: the file goes to the API's model import as it is; the API's answer, success or
// the reason it refused, comes back to the page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError } from "../../../lib/api-client";
import { importModelFile, MODEL_UPLOAD_LIMIT_BYTES, uploadTypeOf } from "../../../lib/registry-import";
import { requireApiToken } from "../../../lib/signed-in";

const importPath = "/catalog/import";
const back = (error: string): never => redirect(`${importPath}?error=${encodeURIComponent(error)}`);

export async function importModelAction(formData: FormData): Promise<void> {
  const token = await requireApiToken(importPath);
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) back("Choose a model file to upload.");
  const upload = file as File;
  const contentType = uploadTypeOf(upload.name);
  if (!contentType) back(`${upload.name}: upload a Meshery model as .json, .tar or .tar.gz`);
  if (upload.size > MODEL_UPLOAD_LIMIT_BYTES) {
    back(`${upload.name} is ${(upload.size / 1024 / 1024).toFixed(1)} MiB: models are limited to 20 MiB`);
  }
  let imported: Awaited<ReturnType<typeof importModelFile>> | undefined;
  try {
    imported = await importModelFile(token, {
      name: upload.name,
      bytes: await upload.arrayBuffer(),
      contentType: contentType ?? "application/octet-stream",
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    back(
      error.status === 403
        ? "Not allowed: importing models needs the Curator or Provider Admin role."
        : error.message,
    );
  }
  if (!imported) return back("The API did not answer the import.");
  revalidatePath("/catalog/models");
  const { model, components, relationships } = imported;
  const notice = `Imported ${model.displayName ?? model.name} ${model.version}: ${components} component${components === 1 ? "" : "s"}, ${relationships} relationship${relationships === 1 ? "" : "s"}.`;
  redirect(
    `/catalog/models/${encodeURIComponent(model.name)}?version=${encodeURIComponent(model.version)}&notice=${encodeURIComponent(notice)}`,
  );
}

"use server";
// Creating and revoking the user's API tokens in the selected organisation.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError } from "../../../lib/api-client";
import { createApiToken, revokeApiToken } from "../../../lib/identity";
import { selectedOrganization } from "../../../lib/selected-org";
import { currentOrganizations, requireApiToken } from "../../../lib/signed-in";

const pagePath = "/settings/tokens";

export type CreateTokenState =
  | { status: "idle" }
  | { status: "created"; name: string; token: string }
  | { status: "error"; message: string };

const formSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(80, "Keep the name to 80 characters"),
  expiresInDays: z.enum(["", "7", "30", "90", "365"], "Pick an expiry from the list"),
  scopes: z.array(z.string().max(64)).max(64),
});

export async function createTokenAction(
  _previous: CreateTokenState,
  formData: FormData,
): Promise<CreateTokenState> {
  const token = await requireApiToken(pagePath);
  const form = formSchema.safeParse({
    name: formData.get("name") ?? "",
    expiresInDays: formData.get("expiresInDays") ?? "",
    scopes: formData.getAll("scopes").map(String),
  });
  if (!form.success) return { status: "error", message: form.error.issues[0]?.message ?? "Check the form" };
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization)
    return { status: "error", message: "You belong to no organization to create a token in." };
  const { name, expiresInDays, scopes } = form.data;
  try {
    const created = await createApiToken(token, {
      orgId: organization.id,
      name,
      ...(scopes.length > 0 ? { scopes } : {}),
      expiresInDays: expiresInDays ? Number(expiresInDays) : null,
    });
    revalidatePath(pagePath);
    // The plaintext lives only in this answer: the API keeps a hash, and the page never shows it again.
    return { status: "created", name: created.apiToken.name, token: created.token };
  } catch (error) {
    if (error instanceof ApiError) return { status: "error", message: error.message };
    throw error;
  }
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const token = await requireApiToken(pagePath);
  const organization = await selectedOrganization(await currentOrganizations(token));
  const tokenId = String(formData.get("tokenId") ?? "");
  let failure: string | undefined;
  if (organization && tokenId) {
    try {
      await revokeApiToken(token, organization.id, tokenId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      failure = error.message;
    }
  }
  revalidatePath(pagePath);
  redirect(failure ? `${pagePath}?error=${encodeURIComponent(failure)}` : pagePath);
}

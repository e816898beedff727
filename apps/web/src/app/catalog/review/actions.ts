"use server";
// The curator's decisions: approve a request, or deny it with a reason the author will read.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError } from "../../../lib/api-client";
import { approveRequest, denyRequest } from "../../../lib/catalog-review";
import { requireApiToken } from "../../../lib/signed-in";

const reviewPath = "/catalog/review";
const reasonSchema = z
  .string()
  .trim()
  .min(3, "Give the author a reason of at least 3 characters")
  .max(2000, "Keep the reason to 2000 characters");

async function decide(outcome: string, act: (token: string) => Promise<void>): Promise<never> {
  const token = await requireApiToken(reviewPath);
  let failure: string | undefined;
  try {
    await act(token);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    failure = error.message;
  }
  revalidatePath(reviewPath);
  revalidatePath("/catalog");
  redirect(`${reviewPath}?${failure ? `error=${encodeURIComponent(failure)}` : `done=${outcome}`}`);
}

export async function approveAction(formData: FormData): Promise<void> {
  const requestId = String(formData.get("requestId") ?? "");
  await decide("approved", (token) => approveRequest(token, requestId));
}

export async function denyAction(formData: FormData): Promise<void> {
  const requestId = String(formData.get("requestId") ?? "");
  const reason = reasonSchema.safeParse(formData.get("reason") ?? "");
  if (!reason.success)
    redirect(`${reviewPath}?error=${encodeURIComponent(reason.error.issues[0]?.message ?? "Give a reason")}`);
  await decide("denied", (token) => denyRequest(token, requestId, reason.data));
}

"use server";
// The sign-in page's two ways in: a configured provider through Auth.js, or the one-machine mode's email.
import { redirect } from "next/navigation";
import { signIn } from "../../auth";
import { requestDevSession } from "../../auth/dev-sign-in";
import { writeSessionCookie } from "../../auth/session-cookie";
import { safeReturnPath, signInPath } from "../../lib/return-path";
import { serverContext } from "../../server-context";

export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider") ?? "");
  await signIn(provider, { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}

/**
 * Auth.js's Credentials provider cannot create database sessions, so this does what its callback would:
 * the API makes the session, and the cookie Auth.js reads is set here.
 */
export async function signInForDevelopment(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get("callbackUrl"));
  const { env, internalApi } = serverContext();
  if (!env.auth.devSignIn) redirect(signInPath(returnTo, "DevSignInDisabled"));
  let outcome: Awaited<ReturnType<typeof requestDevSession>>;
  try {
    outcome = await requestDevSession(internalApi, {
      email: String(formData.get("email") ?? "").trim(),
      name: String(formData.get("name") ?? ""),
    });
  } catch (error) {
    console.error("development sign-in failed:", error instanceof Error ? error.message : error);
    outcome = "DevSignInFailed";
  }
  if (typeof outcome === "string") redirect(signInPath(returnTo, outcome));
  await writeSessionCookie(outcome.sessionToken, outcome.expires);
  redirect(returnTo);
}

"use server";
// Signing out: Auth.js deletes the session through the adapter (so the API forgets it) and the cookie.
import { signOut } from "../auth";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

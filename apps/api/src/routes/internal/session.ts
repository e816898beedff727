// The web session's user, looked up by the Auth.js session token the web app holds.
import type { Context } from "hono";
import type { AppEnv } from "../../context";
import { ApiError } from "../../errors";
import { adapterFor } from "./adapter";

export type SessionUser = { id: string; email: string; name?: string | null };

export async function userOfSession(c: Context<AppEnv>, sessionToken: string): Promise<SessionUser> {
  const found = await adapterFor(c).getSessionAndUser?.(sessionToken);
  if (!found || found.session.expires <= new Date()) {
    throw new ApiError({
      code: "UNAUTHORIZED",
      message: "The session is unknown or has expired; sign in again",
    });
  }
  return found.user;
}

// The signed-in user as server pages and actions see it: an API token for its session, or a sign-in redirect.
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { InternalApiError } from "../auth/internal-api";
import { readSessionToken } from "../auth/session-cookie";
import { serverContext } from "../server-context";
import { fetchProfile, listOrganizations } from "./identity";
import { signInPath } from "./return-path";

export const sessionTokenPath = "/api/internal/auth/session-token";

const sessionTokenAnswerSchema = z.object({ token: z.string().min(1), expiresAt: z.string() });

/**
 * Exchanges the session cookie for the API's JWT once per request (React's cache): the JWT lives ten
 * minutes, longer than any render. Null when there is no session or the API no longer knows it.
 */
export const sessionApiToken = cache(async (): Promise<string | null> => {
  const sessionToken = await readSessionToken();
  if (!sessionToken) return null;
  try {
    const answer = await serverContext().internalApi.post(sessionTokenPath, { sessionToken });
    return sessionTokenAnswerSchema.parse(answer).token;
  } catch (error) {
    if (error instanceof InternalApiError && error.status === 401) return null;
    throw error;
  }
});

/** `returnTo` is this page's own path and query, where the sign-in sends the user back. */
export async function requireApiToken(returnTo: string): Promise<string> {
  const token = await sessionApiToken();
  if (!token) redirect(signInPath(returnTo));
  return token;
}

export const currentProfile = cache(async (token: string) => fetchProfile(token));
export const currentOrganizations = cache(async (token: string) => listOrganizations(token));

/** Rebuilds a page's path and query from Next's searchParams, for the return trip through sign-in. */
export function pathWithQuery(path: string, params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      query.append(key, one);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

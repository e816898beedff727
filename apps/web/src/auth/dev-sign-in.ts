// The one-machine mode's sign-in by email: the API creates the user and a database session for it.
import { z } from "zod";
import { type InternalApi, InternalApiError } from "./internal-api";

export const devSignInPath = "/api/internal/auth/dev-sign-in";

const answerSchema = z.object({ sessionToken: z.string().min(1), expires: z.iso.datetime({ offset: true }) });

export type DevSession = { sessionToken: string; expires: Date };

/** Why a development sign-in did not happen, as the sign-in page names it. */
export type DevSignInRefusal = "DevSignInDisabled" | "InvalidEmail" | "DevSignInFailed";

export const devSignInInputSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().max(120).optional(),
});

export async function requestDevSession(
  api: InternalApi,
  input: { email: string; name?: string },
): Promise<DevSession | DevSignInRefusal> {
  const parsed = devSignInInputSchema.safeParse(input);
  if (!parsed.success) return "InvalidEmail";
  const { email, name } = parsed.data;
  let body: unknown;
  try {
    body = await api.post(devSignInPath, { email, ...(name ? { name } : {}) });
  } catch (error) {
    // 404 is how the API says its development sign-in is off (production, or turned off by env).
    if (error instanceof InternalApiError && error.status === 404) return "DevSignInDisabled";
    if (error instanceof InternalApiError && error.status === 400) return "InvalidEmail";
    throw error;
  }
  const answer = answerSchema.parse(body);
  return { sessionToken: answer.sessionToken, expires: new Date(answer.expires) };
}

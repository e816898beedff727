// The Auth.js session cookie, read for API calls and written by the development sign-in.
import { cookies, headers } from "next/headers";
import { serverContext } from "../server-context";

const plainName = "authjs.session-token";
const secureName = "__Secure-authjs.session-token";

/** Auth.js names the cookie by the origin's scheme; it decides the same way (AUTH_URL, else the request). */
async function servedOverHttps(): Promise<boolean> {
  const pinned = serverContext().env.auth.url;
  if (pinned) return pinned.startsWith("https:");
  return (await headers()).get("x-forwarded-proto") === "https";
}

export async function readSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  return jar.get(secureName)?.value ?? jar.get(plainName)?.value;
}

export async function writeSessionCookie(sessionToken: string, expires: Date): Promise<void> {
  const secure = await servedOverHttps();
  (await cookies()).set(secure ? secureName : plainName, sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    expires,
  });
}

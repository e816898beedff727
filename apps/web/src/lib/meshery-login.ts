// The last step of a Meshery Server login: what the consent page shows, and the API call once allowed.
import { z } from "zod";
import { type InternalApi, InternalApiError } from "../auth/internal-api";

export const mesheryAuthorizePath = "/api/internal/meshery/authorize";

export type MesheryCallback = { url: string; host: string };

/**
 * Meshery sends its callback URL base64-encoded (either alphabet). As the API does, only an http(s)
 * URL of Meshery's /api/user/token, without credentials in it, is a callback.
 */
export function decodeMesheryCallback(source: string | undefined): MesheryCallback | null {
  if (!source || source.length > 4096 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(source)) return null;
  const text = Buffer.from(source, "base64").toString("utf8");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || !url.pathname.endsWith("/api/user/token")) return null;
  return { url: url.toString(), host: url.host };
}

export type MesheryAuthorization = { redirectUrl: string } | { refused: "SignInAgain" | "InvalidRequest" };

export async function authorizeMesheryLogin(
  api: InternalApi,
  request: { sessionToken: string; source: string; ref: string },
): Promise<MesheryAuthorization> {
  let body: unknown;
  try {
    body = await api.post(mesheryAuthorizePath, request);
  } catch (error) {
    if (error instanceof InternalApiError && error.status === 401) return { refused: "SignInAgain" };
    if (error instanceof InternalApiError && error.status === 400) return { refused: "InvalidRequest" };
    throw error;
  }
  const { redirectUrl } = z.object({ redirectUrl: z.url() }).parse(body);
  return { redirectUrl };
}

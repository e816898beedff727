"use server";
// The consent page's Allow: the API issues Meshery's token and names the callback to send the browser to.
import { redirect } from "next/navigation";
import { readSessionToken } from "../../../auth/session-cookie";
import { authorizeMesheryLogin, decodeMesheryCallback } from "../../../lib/meshery-login";
import { signInPath } from "../../../lib/return-path";
import { serverContext } from "../../../server-context";

export async function allowMesheryLogin(formData: FormData): Promise<void> {
  const source = String(formData.get("source") ?? "");
  const ref = String(formData.get("ref") ?? "");
  const consentPath = `/provider/login?${new URLSearchParams({ source, ref })}`;
  const sessionToken = await readSessionToken();
  if (!sessionToken) redirect(signInPath(consentPath));
  if (!decodeMesheryCallback(source)) redirect(`${consentPath}&error=InvalidRequest`);
  const outcome = await authorizeMesheryLogin(serverContext().internalApi, { sessionToken, source, ref });
  if ("refused" in outcome) {
    redirect(
      outcome.refused === "SignInAgain" ? signInPath(consentPath) : `${consentPath}&error=InvalidRequest`,
    );
  }
  // A server action may redirect off-site: the browser follows it to Meshery's /api/user/token.
  redirect(outcome.redirectUrl);
}

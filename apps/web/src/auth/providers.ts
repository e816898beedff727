// The sign-in providers this deployment offers, each present only when its variables are set.
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { AuthEnv } from "../env";

export type ProviderChoice = { id: string; name: string };

export function configuredProviders(auth: AuthEnv): Provider[] {
  const providers: Provider[] = [];
  if (auth.github) providers.push(GitHub({ ...auth.github }));
  if (auth.google) providers.push(Google({ ...auth.google }));
  if (auth.oidc) {
    const { issuer, clientId, clientSecret, name } = auth.oidc;
    providers.push({
      id: "oidc",
      name,
      type: "oidc",
      issuer,
      clientId,
      clientSecret,
      checks: ["pkce", "state", "nonce"],
      // Many issuers put email and name only in userinfo for the code flow, so ask userinfo too (the ID
      // token is still verified and its subject must match).
      idToken: false,
    });
  }
  return providers;
}

/** What the sign-in page shows: the same list, without the secrets. */
export function providerChoices(auth: AuthEnv): ProviderChoice[] {
  return [
    ...(auth.github ? [{ id: "github", name: "GitHub" }] : []),
    ...(auth.google ? [{ id: "google", name: "Google" }] : []),
    ...(auth.oidc ? [{ id: "oidc", name: auth.oidc.name }] : []),
  ];
}

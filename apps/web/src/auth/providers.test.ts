import { describe, expect, it } from "vitest";
import { readEnv } from "../env";
import { configuredProviders, providerChoices } from "./providers";

const oidcEnv = {
  AUTH_OIDC_ISSUER: "https://sso.example.com/realms/mesh",
  AUTH_OIDC_ID: "meshplane",
  AUTH_OIDC_SECRET: "oidc-secret",
  AUTH_OIDC_NAME: "Keycloak",
};

describe("configuredProviders", () => {
  it("offers nothing when no provider is configured", () => {
    expect(configuredProviders(readEnv({}).auth)).toEqual([]);
    expect(providerChoices(readEnv({}).auth)).toEqual([]);
  });

  it("configures a generic OpenID Connect issuer with discovery, PKCE, state and nonce", () => {
    const [provider] = configuredProviders(readEnv(oidcEnv).auth);
    expect(provider).toMatchObject({
      id: "oidc",
      name: "Keycloak",
      type: "oidc",
      issuer: "https://sso.example.com/realms/mesh",
      clientId: "meshplane",
      clientSecret: "oidc-secret",
      checks: ["pkce", "state", "nonce"],
    });
  });

  it("lists GitHub, Google and the issuer in that order, without their secrets, for the sign-in page", () => {
    const auth = readEnv({
      ...oidcEnv,
      AUTH_GOOGLE_ID: "g-id",
      AUTH_GOOGLE_SECRET: "g-secret",
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
    }).auth;
    const providers = configuredProviders(auth).map((p) => (typeof p === "function" ? p() : p));
    expect(providers.map((p) => p.id)).toEqual(["github", "google", "oidc"]);
    expect(providerChoices(auth)).toEqual([
      { id: "github", name: "GitHub" },
      { id: "google", name: "Google" },
      { id: "oidc", name: "Keycloak" },
    ]);
    expect(JSON.stringify(providerChoices(auth))).not.toContain("secret");
  });
});

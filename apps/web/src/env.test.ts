import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

const secret = "x".repeat(32);

describe("readEnv", () => {
  it("defaults to the local API on API_PORT and links through localhost", () => {
    const env = readEnv({ API_PORT: "9001" });
    expect(env.apiUrl).toBe("http://127.0.0.1:9001");
    expect(env.publicApiUrl).toBe("http://localhost:9001");
  });

  it("uses API_URL and NEXT_PUBLIC_API_URL as given, without trailing slashes", () => {
    const env = readEnv({
      API_URL: "http://api.internal:80/",
      NEXT_PUBLIC_API_URL: "https://api.example.com/",
    });
    expect(env.apiUrl).toBe("http://api.internal:80");
    expect(env.publicApiUrl).toBe("https://api.example.com");
  });

  it("refuses a malformed URL", () => {
    expect(() => readEnv({ API_URL: "not a url" })).toThrow(/API_URL/);
  });
});

describe("readEnv's auth settings", () => {
  it("leaves the secrets to the API's file under the repository root when none is set", () => {
    const { auth } = readEnv({});
    expect(auth.secret).toBeUndefined();
    expect(auth.internalSecret).toBeUndefined();
    expect(auth.secretsFile).toBe(resolve(process.cwd(), "../../.data/secrets.json"));
    expect(readEnv({ MESHPLANE_SECRETS_FILE: "/tmp/s.json" }).auth.secretsFile).toBe("/tmp/s.json");
  });

  it("refuses short secrets without echoing them", () => {
    const attempt = () => readEnv({ AUTH_SECRET: "hunter2-short" });
    expect(attempt).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  it("keeps the development sign-in on in the one-machine mode, even under next start's production", () => {
    expect(readEnv({ NODE_ENV: "production" }).auth.devSignIn).toBe(true);
    expect(readEnv({ NODE_ENV: "development", AUTH_SECRET: secret }).auth.devSignIn).toBe(true);
  });

  it("turns the development sign-in off in production with its own AUTH_SECRET, unless asked for", () => {
    expect(readEnv({ NODE_ENV: "production", AUTH_SECRET: secret }).auth.devSignIn).toBe(false);
    expect(
      readEnv({ NODE_ENV: "production", AUTH_SECRET: secret, MESHPLANE_DEV_SIGN_IN: "1" }).auth.devSignIn,
    ).toBe(true);
    expect(readEnv({ MESHPLANE_DEV_SIGN_IN: "false" }).auth.devSignIn).toBe(false);
    expect(() => readEnv({ MESHPLANE_DEV_SIGN_IN: "maybe" })).toThrow(/MESHPLANE_DEV_SIGN_IN/);
  });

  it("trusts the Host header on one machine, outside production, when told to, or when AUTH_URL pins the origin", () => {
    const production = { NODE_ENV: "production", AUTH_SECRET: secret };
    expect(readEnv(production).auth.trustHost).toBe(false);
    expect(readEnv({ NODE_ENV: "production" }).auth.trustHost).toBe(true);
    expect(readEnv({ ...production, AUTH_TRUST_HOST: "true" }).auth.trustHost).toBe(true);
    expect(readEnv({ NODE_ENV: "production", AUTH_TRUST_HOST: "0" }).auth.trustHost).toBe(false);
    expect(readEnv({ ...production, AUTH_URL: "https://mesh.example.com/" }).auth).toMatchObject({
      trustHost: true,
      url: "https://mesh.example.com",
    });
    expect(readEnv({ NODE_ENV: "test" }).auth.trustHost).toBe(true);
  });

  it("configures only the providers whose variables are set", () => {
    expect(readEnv({}).auth).not.toHaveProperty("github");
    const { auth } = readEnv({
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
      AUTH_OIDC_ISSUER: "https://sso.example.com/realms/mesh",
      AUTH_OIDC_ID: "meshplane",
      AUTH_OIDC_SECRET: "oidc-secret",
    });
    expect(auth.github).toEqual({ clientId: "gh-id", clientSecret: "gh-secret" });
    expect(auth.google).toBeUndefined();
    expect(auth.oidc).toEqual({
      issuer: "https://sso.example.com/realms/mesh",
      clientId: "meshplane",
      clientSecret: "oidc-secret",
      name: "Single sign-on",
    });
    expect(
      readEnv({
        AUTH_OIDC_ISSUER: "https://a.example/",
        AUTH_OIDC_ID: "i",
        AUTH_OIDC_SECRET: "s",
        AUTH_OIDC_NAME: "Okta",
      }).auth.oidc,
    ).toMatchObject({ issuer: "https://a.example/", name: "Okta" });
  });

  it("refuses half a provider", () => {
    expect(() => readEnv({ AUTH_GOOGLE_ID: "g" })).toThrow(/AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET/);
    expect(() => readEnv({ AUTH_OIDC_ISSUER: "https://sso.example.com", AUTH_OIDC_ID: "i" })).toThrow(
      /AUTH_OIDC_SECRET/,
    );
    expect(() =>
      readEnv({ AUTH_OIDC_ISSUER: "not a url", AUTH_OIDC_ID: "i", AUTH_OIDC_SECRET: "s" }),
    ).toThrow(/AUTH_OIDC_ISSUER/);
  });
});

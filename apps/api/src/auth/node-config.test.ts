import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readNodeEnv } from "../env";
import { authConfigFromNodeEnv, loadOrCreateSecretsFile } from "./node-config";

const secretsFile = () => join(mkdtempSync(join(tmpdir(), "meshplane-secrets-")), "nested", "secrets.json");
const envOf = (values: Record<string, string>) =>
  readNodeEnv({ MESHPLANE_SECRETS_FILE: secretsFile(), ...values });
const production = {
  NODE_ENV: "production",
  MESHPLANE_INTERNAL_SECRET: "x".repeat(40),
  MESHPLANE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

describe("the Node entry's auth configuration", () => {
  it("generates the one-machine secrets once, private to the user, and reuses them", () => {
    const file = secretsFile();
    const first = loadOrCreateSecretsFile(file);
    const second = loadOrCreateSecretsFile(file);
    expect(second).toEqual(first);
    expect(Buffer.from(first.encryptionKey, "base64")).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(first);
  });

  it("turns the development sign-in on in the one-machine mode and never in production", () => {
    expect(authConfigFromNodeEnv(envOf({})).devSignIn).toBe(true);
    expect(authConfigFromNodeEnv(envOf(production)).devSignIn).toBe(false);
    expect(() => authConfigFromNodeEnv(envOf({ ...production, MESHPLANE_DEV_SIGN_IN: "true" }))).toThrow(
      /cannot be enabled in production/,
    );
  });

  it("requires real secrets in production, and refuses weak ones anywhere", () => {
    expect(() => authConfigFromNodeEnv(envOf({ NODE_ENV: "production" }))).toThrow(/required in production/);
    expect(() => authConfigFromNodeEnv(envOf({ ...production, MESHPLANE_INTERNAL_SECRET: "short" }))).toThrow(
      /MESHPLANE_INTERNAL_SECRET/,
    );
    expect(() =>
      authConfigFromNodeEnv(envOf({ ...production, MESHPLANE_ENCRYPTION_KEY: "not-32-bytes" })),
    ).toThrow(/MESHPLANE_ENCRYPTION_KEY/);
  });

  it("reads provider admins as a list of lower-cased emails", () => {
    const config = authConfigFromNodeEnv(
      envOf({ MESHPLANE_PROVIDER_ADMINS: " Ops@Example.com, sre@example.com ," }),
    );
    expect(config.providerAdmins).toEqual(["ops@example.com", "sre@example.com"]);
  });
});

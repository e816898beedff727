// The Node entry's auth configuration: from the environment, or generated once for the one-machine mode.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { NodeEnv } from "../env";
import { type AuthConfig, checkAuthConfig, parseEmailList } from "./config";

export type OneMachineSecrets = { internalSecret: string; authSecret: string; encryptionKey: string };

/**
 * Reads the secrets file, creating it first if absent. The web app reads the same file, so creation is
 * atomic (written aside, then hard-linked into place): a reader never sees half a file.
 */
export function loadOrCreateSecretsFile(path: string): OneMachineSecrets {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as OneMachineSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const secrets: OneMachineSecrets = {
    internalSecret: randomBytes(32).toString("base64url"),
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(aside, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(aside);
  }
  return JSON.parse(readFileSync(path, "utf8")) as OneMachineSecrets;
}

export function authConfigFromNodeEnv(env: NodeEnv): AuthConfig {
  const production = env.NODE_ENV === "production";
  const devSignIn = env.MESHPLANE_DEV_SIGN_IN ?? !production;
  if (production && devSignIn) {
    throw new Error("MESHPLANE_DEV_SIGN_IN: the development sign-in cannot be enabled in production");
  }
  let internalSecret = env.MESHPLANE_INTERNAL_SECRET;
  let encryptionKey = env.MESHPLANE_ENCRYPTION_KEY;
  if (!internalSecret || !encryptionKey) {
    if (production) {
      throw new Error("MESHPLANE_INTERNAL_SECRET and MESHPLANE_ENCRYPTION_KEY are required in production");
    }
    const generated = loadOrCreateSecretsFile(env.MESHPLANE_SECRETS_FILE);
    internalSecret ??= generated.internalSecret;
    encryptionKey ??= generated.encryptionKey;
  }
  const config: AuthConfig = {
    internalSecret,
    encryptionKey,
    publicUrl: trimSlash(env.MESHPLANE_PUBLIC_URL ?? `http://localhost:${env.API_PORT || 8787}`),
    webUrl: trimSlash(env.MESHPLANE_WEB_URL ?? `http://localhost:${env.WEB_PORT ?? 3000}`),
    devSignIn,
    providerAdmins: parseEmailList(env.MESHPLANE_PROVIDER_ADMINS),
  };
  const problems = checkAuthConfig(config);
  if (problems.length > 0) throw new Error(`Invalid environment: ${problems.join("; ")}`);
  return config;
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

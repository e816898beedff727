// The two secrets the web needs, Auth.js's and the API's internal one: from the env, or the API's file.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { AuthEnv } from "../env";

export type WebSecrets = { authSecret: string; internalSecret: string };

const secretsFileSchema = z.object({ authSecret: z.string().min(32), internalSecret: z.string().min(32) });

export type SecretsReaderOptions = { attempts?: number; delayMs?: number };

/**
 * Resolves the secrets at first use, not at import: in the one-machine mode the API writes its file at
 * boot, possibly a moment after the web starts. A failure is not remembered, so the next request retries.
 */
export function createSecretsReader(
  auth: Pick<AuthEnv, "secret" | "internalSecret" | "secretsFile">,
  options: SecretsReaderOptions = {},
): () => Promise<WebSecrets> {
  let pending: Promise<WebSecrets> | undefined;
  return () => {
    pending ??= resolveSecrets(auth, options).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

async function resolveSecrets(
  auth: Pick<AuthEnv, "secret" | "internalSecret" | "secretsFile">,
  options: SecretsReaderOptions,
): Promise<WebSecrets> {
  if (auth.secret && auth.internalSecret)
    return { authSecret: auth.secret, internalSecret: auth.internalSecret };
  const fromFile = await readSecretsFile(auth.secretsFile, options);
  return {
    authSecret: auth.secret ?? fromFile.authSecret,
    internalSecret: auth.internalSecret ?? fromFile.internalSecret,
  };
}

async function readSecretsFile(path: string, options: SecretsReaderOptions): Promise<WebSecrets> {
  const attempts = options.attempts ?? 20;
  const delayMs = options.delayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      if (missing && attempt < attempts) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        continue;
      }
      throw new Error(
        missing
          ? `AUTH_SECRET and MESHPLANE_INTERNAL_SECRET are not set and ${path} does not exist: set both, or start the API of the one-machine mode, which writes that file`
          : `cannot read the secrets file ${path}: ${(error as Error).message}`,
      );
    }
    return parseSecretsFile(path, text);
  }
}

function parseSecretsFile(path: string, text: string): WebSecrets {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the secrets file ${path} is not JSON`);
  }
  const parsed = secretsFileSchema.safeParse(json);
  // Field names only: the message must not carry a secret's value.
  if (!parsed.success)
    throw new Error(
      `the secrets file ${path} lacks a valid ${parsed.error.issues.map((issue) => issue.path.join(".")).join(", ")}`,
    );
  return { authSecret: parsed.data.authSecret, internalSecret: parsed.data.internalSecret };
}

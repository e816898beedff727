import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSecretsReader } from "./secrets";

const authSecret = "a".repeat(40);
const internalSecret = "i".repeat(40);

describe("createSecretsReader", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "meshplane-web-secrets-"));
    file = join(dir, "secrets.json");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("uses the environment's secrets without touching the file", async () => {
    const read = createSecretsReader({ secret: authSecret, internalSecret, secretsFile: file });
    expect(await read()).toEqual({ authSecret, internalSecret });
  });

  it("reads the API's file when the environment has no secrets", async () => {
    writeFileSync(file, JSON.stringify({ authSecret, internalSecret, encryptionKey: "e".repeat(44) }));
    expect(await createSecretsReader({ secretsFile: file })()).toEqual({ authSecret, internalSecret });
  });

  it("prefers a secret from the environment over the file's", async () => {
    writeFileSync(file, JSON.stringify({ authSecret, internalSecret }));
    const own = "o".repeat(40);
    expect(await createSecretsReader({ internalSecret: own, secretsFile: file })()).toEqual({
      authSecret,
      internalSecret: own,
    });
  });

  it("waits for a file the API has not written yet", async () => {
    const read = createSecretsReader({ secretsFile: file }, { attempts: 40, delayMs: 25 });
    setTimeout(() => writeFileSync(file, JSON.stringify({ authSecret, internalSecret })), 200);
    expect(await read()).toEqual({ authSecret, internalSecret });
  });

  it("says what to set when the file never appears, and tries again on the next call", async () => {
    const read = createSecretsReader({ secretsFile: file }, { attempts: 2, delayMs: 5 });
    await expect(read()).rejects.toThrow(/AUTH_SECRET and MESHPLANE_INTERNAL_SECRET are not set/);
    writeFileSync(file, JSON.stringify({ authSecret, internalSecret }));
    expect(await read()).toEqual({ authSecret, internalSecret });
  });

  it("names the bad field of a malformed file but never its value", async () => {
    writeFileSync(file, JSON.stringify({ authSecret: "short-secret-value", internalSecret }));
    const error = await createSecretsReader({ secretsFile: file })().catch((e: Error) => e);
    expect(String(error)).toMatch(/lacks a valid authSecret/);
    expect(String(error)).not.toContain("short-secret-value");
  });
});

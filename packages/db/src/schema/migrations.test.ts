// Fails when the schema and the committed migrations disagree: drizzle-kit must find nothing left to generate.
import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function journalTags(folder: string): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}

describe("committed migrations", () => {
  let scratch: string;
  let out: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "meshplane-drift-"));
    out = join(scratch, "drizzle");
    await cp(join(packageDir, "drizzle"), out, { recursive: true });
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it("match the schema, so generating again produces no migration", async () => {
    // The package exports no bin path, so find the CLI next to its main module.
    const bin = join(dirname(createRequire(import.meta.url).resolve("drizzle-kit")), "bin.cjs");
    const before = await readdir(out);
    // drizzle-kit prefixes --out with "./", so it must be relative to the working directory.
    const { stdout } = await run(
      process.execPath,
      [
        bin,
        "generate",
        "--dialect=postgresql",
        "--schema=./src/schema/index.ts",
        `--out=${relative(packageDir, out)}`,
        "--casing=snake_case",
        "--name=drift",
      ],
      { cwd: packageDir, timeout: 60_000 },
    );
    expect(await readdir(out)).toEqual(before);
    expect(await journalTags(out)).toEqual(await journalTags(join(packageDir, "drizzle")));
    expect(stdout).toMatch(/No schema changes/);
  });

  it("each have their SQL file next to the journal", async () => {
    const files = await readdir(join(packageDir, "drizzle"));
    for (const tag of await journalTags(join(packageDir, "drizzle"))) expect(files).toContain(`${tag}.sql`);
  });
});

// Owns where a load thread's code comes from: thread-worker.js beside a built bundle (build.mjs emits it), or,
// when this package runs from TypeScript source (tests, the monorepo), a bundle esbuild makes on the fly.
import { createHash } from "node:crypto";
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

let fromSource: Promise<URL> | null = null;

export function threadScript(): Promise<URL> {
  const here = new URL(import.meta.url);
  if (!here.pathname.endsWith(".ts")) return Promise.resolve(new URL("./thread-worker.js", here));
  fromSource ??= bundleFromSource(new URL("./thread-worker.ts", here));
  return fromSource;
}

// Worker threads cannot load TypeScript on Node 20, so the source entry is bundled once per content hash.
async function bundleFromSource(entry: URL): Promise<URL> {
  const { build } = await import("esbuild");
  const output = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const code = output.outputFiles[0]?.contents;
  if (code === undefined) throw new Error("esbuild produced no load thread bundle");
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const path = join(tmpdir(), `meshplane-loadgen-thread-${hash}.mjs`);
  if (!existsSync(path)) {
    // Written aside and renamed, so a concurrent test file never loads a half-written bundle.
    const partial = `${path}.${process.pid}.${Date.now()}`;
    writeFileSync(partial, code);
    renameSync(partial, path);
  }
  return pathToFileURL(path);
}

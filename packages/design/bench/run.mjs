// Bundles a TypeScript benchmark with esbuild (the repo has no TypeScript runner) and runs it with node.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL(`./${process.argv[2] ?? "evaluate-relationships"}.ts`, import.meta.url));
const directory = mkdtempSync(join(tmpdir(), "meshplane-bench-"));
const outfile = join(directory, "bench.cjs");
try {
  // CommonJS output: yaml's CommonJS build requires node built-ins, which an ESM bundle cannot.
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
  });
  const run = spawnSync(process.execPath, [outfile], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(directory, { recursive: true, force: true });
}

// Bundles the command line and the load thread into dist/, since Node 20 cannot run TypeScript:
// `node build.mjs [outdir] && node dist/cli.js --help`. esbuild comes from the workspace root for now.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL(".", import.meta.url));

export async function buildLoadgen(outdir = "dist") {
  await build({
    absWorkingDir: root,
    // The thread's file name is what src/threads/thread-script.ts looks for beside the bundle.
    entryPoints: { cli: "src/cli.ts", "thread-worker": "src/threads/thread-worker.ts" },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    // Only needed to bundle the thread when running from source, which a bundle never does.
    external: ["esbuild"],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildLoadgen(process.argv[2]);

// Bundles the Node entry into dist/node.js: workspace packages (TypeScript source) inlined, npm packages external.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const workspacePackages = Object.keys(manifest.dependencies).filter((name) => name.startsWith("@meshplane/"));

// `--outfile <path>` lets a test build its own copy without racing others that run dist/node.js.
const outfileFlag = process.argv.indexOf("--outfile");
const outfile = outfileFlag > 0 ? process.argv[outfileFlag + 1] : "dist/node.js";

await build({
  entryPoints: ["src/node.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // Workspace packages export TypeScript source, which Node cannot load: inline them, leave npm packages external.
  plugins: [
    {
      name: "external-npm-packages",
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
          const inlined = workspacePackages.some(
            (name) => args.path === name || args.path.startsWith(`${name}/`),
          );
          return inlined ? undefined : { external: true };
        });
      },
    },
  ],
});

// Local performance runs use the generator's worker threads, which load thread-worker.js from beside the bundle.
await build({
  entryPoints: [fileURLToPath(import.meta.resolve("@meshplane/loadgen/thread-worker"))],
  outfile: join(dirname(outfile), "thread-worker.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});

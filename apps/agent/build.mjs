// Bundles the agent into a single dist/index.js for the container image; npm packages are inlined too.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

// Tests that build in parallel each write their own bundle, so none runs a half-written file.
const outfile = process.env.AGENT_BUNDLE_OUT ?? "dist/index.js";

await build({
  absWorkingDir: new URL(".", import.meta.url).pathname,
  entryPoints: ["src/index.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  // @kubernetes/client-node is CommonJS and requires Node built-ins at run time; ESM output needs a require.
  banner: {
    js: 'import { createRequire as __agentCreateRequire } from "node:module"; const require = __agentCreateRequire(import.meta.url);',
  },
  logLevel: "warning",
  // The image then needs no node_modules: zod and @kubernetes/client-node are inlined.
  define: { __AGENT_VERSION__: JSON.stringify(manifest.version) },
});

// Load-test jobs run the generator's worker threads, which load thread-worker.js from beside the bundle.
await build({
  absWorkingDir: new URL(".", import.meta.url).pathname,
  entryPoints: [fileURLToPath(import.meta.resolve("@meshplane/loadgen/thread-worker"))],
  outfile: join(dirname(outfile), "thread-worker.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});

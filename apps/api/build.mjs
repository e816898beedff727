// Bundles the Node entry into dist/node.js: workspace packages (TypeScript source) inlined, npm packages external.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const workspacePackages = Object.keys(manifest.dependencies).filter((name) => name.startsWith("@meshplane/"));

await build({
  entryPoints: ["src/node.ts"],
  outfile: "dist/node.js",
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

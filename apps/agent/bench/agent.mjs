// bench:agent: the agent bundle as its own process against a fake cluster; initial sync time, peak and steady RSS as JSON lines.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const agentDir = fileURLToPath(new URL("..", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "bench-agent-build-"));
const bundle = join(out, "agent.js");

// The agent exactly as shipped: the production bundle.
const built = spawnSync(process.execPath, ["build.mjs"], {
  cwd: agentDir,
  env: { ...process.env, AGENT_BUNDLE_OUT: bundle },
  stdio: "inherit",
});
if (built.status !== 0) process.exit(built.status ?? 1);

// The harness is TypeScript (it reuses the tests' fake API server): bundled for plain Node.
const harness = join(out, "harness.mjs");
await build({
  entryPoints: [join(agentDir, "bench", "harness.ts")],
  outfile: harness,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(harness).href);
await main(bundle, agentDir);

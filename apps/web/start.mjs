// Launches `next start` on WEB_PORT / WEB_HOST and passes signals through, for npm start and the tests.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const next = require.resolve("next/dist/bin/next");
const port = process.env.WEB_PORT || "3000";
const host = process.env.WEB_HOST || "0.0.0.0";
const cwd = fileURLToPath(new URL(".", import.meta.url));

const child = spawn(process.execPath, [next, "start", "-p", port, "-H", host], {
  cwd,
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

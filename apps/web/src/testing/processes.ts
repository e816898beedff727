// Real processes for end-to-end tests: the built web app, the built API, free ports and readiness waits.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const webRoot = fileURLToPath(new URL("../..", import.meta.url));
const apiRoot = fileURLToPath(new URL("../../../api", import.meta.url));

export type RunningProcess = { url: string; output: () => string; stop: () => Promise<void> };

/** Turbo builds the web before its tests; a test run by hand builds it here once if it must. */
export function ensureWebBuilt(): void {
  if (existsSync(`${webRoot}${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`)) return;
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const build = spawnSync(process.execPath, [next, "build"], {
    cwd: webRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

/** `start.mjs` on a free loopback port, in a process group of its own so stopping reaches `next start`. */
export async function startWeb(env: Record<string, string>, port?: number): Promise<RunningProcess> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["start.mjs"], {
    cwd: webRoot,
    env: asProcessEnv({
      ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      ...env,
      WEB_PORT: String(port),
      WEB_HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output = collect(child);
  await waitUntilServing(url, child, output);
  return { url, output, stop: () => stopGroup(child) };
}

/** The API's Node bundle (`dist/node.js`, built by turbo before the web's tests) on the port given. */
export async function startApi(port: number, env: Record<string, string>): Promise<RunningProcess> {
  if (!existsSync(`${apiRoot}/dist/node.js`))
    throw new Error("apps/api/dist/node.js is missing: build the API first");
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["dist/node.js"], {
    cwd: apiRoot,
    env: asProcessEnv({ ...env, API_PORT: String(port), API_HOST: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output = collect(child);
  await waitUntilServing(`${url}/api/health`, child, output);
  return { url, output, stop: () => stopGroup(child) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export async function waitUntilServing(
  url: string,
  child?: ChildProcess,
  output?: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`${url}: the process exited with ${child.exitCode}:\n${output?.() ?? ""}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start within 60 s:\n${output?.() ?? ""}`);
}

function collect(child: ChildProcess): () => string {
  let text = "";
  const append = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  return () => text;
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && signalGroup(child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Next's types make NODE_ENV mandatory; a child left without it gets the default of its own command. */
function asProcessEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return env as NodeJS.ProcessEnv;
}

// The one-machine runner: the load generator in this process's worker threads (live seconds), or its command
// line in a child process where the thread script was not bundled beside the API (result at the end only).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runLoad } from "@meshplane/loadgen";
import type { PerformanceRunner, RunOutcome, RunRequest } from "./runner";

/** packages/loadgen/dist/cli.js, found by walking up from this module (src in tests, dist when bundled). */
export function findLoadgenCli(from = import.meta.url): string | undefined {
  let directory = new URL(".", from);
  for (let depth = 0; depth < 8; depth++) {
    const candidate = new URL("packages/loadgen/dist/cli.js", directory);
    if (existsSync(candidate)) return fileURLToPath(candidate);
    directory = new URL("..", directory);
  }
  return undefined;
}

export function argsOf(request: RunRequest): string[] {
  const args = [
    "--json",
    "-c",
    String(request.connections),
    "-d",
    `${request.durationMs}ms`,
    "-m",
    request.method,
  ];
  if (request.rate) args.push("-R", String(request.rate));
  for (const [name, value] of Object.entries(request.headers)) args.push("-H", `${name}: ${value}`);
  for (const [name, value] of Object.entries(request.cookies)) args.push("-b", `${name}=${value}`);
  if (request.body !== undefined) args.push("--body", request.body);
  args.push(request.url);
  return args;
}

/**
 * Whether `runLoad` can start its threads here: from TypeScript source the generator bundles its thread itself;
 * from a bundle it needs thread-worker.js beside it (the bundle's build must emit it).
 */
export function loadThreadsAvailable(from = import.meta.url): boolean {
  const here = new URL(from);
  return here.pathname.endsWith(".ts") || existsSync(new URL("./thread-worker.js", here));
}

/** The generator in worker threads of this process: the load never runs on the API's event loop. */
export function createInProcessRunner(): PerformanceRunner {
  return {
    live: true,
    run: (request, control = {}) =>
      runLoad(
        {
          url: request.url,
          method: request.method,
          headers: request.headers,
          cookies: request.cookies,
          ...(request.body !== undefined ? { body: request.body } : {}),
          connections: request.connections,
          ...(request.rate ? { rate: request.rate } : {}),
          durationMs: request.durationMs,
        },
        control,
      ),
  };
}

/** The runner the Node entry uses: in-process with live seconds when it can, the command line otherwise. */
export function createProcessRunner(
  cliPath = process.env.LOADGEN_CLI ?? findLoadgenCli(),
): PerformanceRunner {
  if (!process.env.LOADGEN_CLI && loadThreadsAvailable()) return createInProcessRunner();
  return createCommandLineRunner(cliPath);
}

export function createCommandLineRunner(cliPath: string | undefined): PerformanceRunner {
  return {
    live: false,
    run: (request) =>
      new Promise<RunOutcome>((resolve, reject) => {
        if (!cliPath) {
          reject(new Error("the load generator is not built: run `npm run build -w @meshplane/loadgen`"));
          return;
        }
        const child = spawn(process.execPath, [cliPath, ...argsOf(request)], {
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.stderr.on("data", (chunk: Buffer) => {
          stderr = (stderr + chunk.toString()).slice(-4000);
        });
        // The generator bounds itself; this only guards against a wedged child.
        const guard = setTimeout(() => child.kill("SIGKILL"), request.durationMs + 60_000);
        child.on("close", (code) => {
          clearTimeout(guard);
          const line = stdout.trim().split("\n").at(-1) ?? "";
          try {
            resolve(JSON.parse(line) as RunOutcome);
          } catch {
            reject(new Error(stderr.trim() || `the load generator exited with code ${code}`));
          }
        });
      }),
  };
}

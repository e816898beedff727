// The one-machine runner: the load generator's command line in a child process, so a run never blocks the API's event loop.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
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

export function createProcessRunner(
  cliPath = process.env.LOADGEN_CLI ?? findLoadgenCli(),
): PerformanceRunner {
  return {
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

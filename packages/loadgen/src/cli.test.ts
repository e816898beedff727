import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerWith, response, startTestServer, type TestServer } from "./testing/test-server";

// The bundle as users run it: the CLI must find its load thread beside it, not in the TypeScript source.
const outdir = mkdtempSync(join(tmpdir(), "loadgen-cli-"));
const cli = join(outdir, "cli.js");
let server: TestServer;

beforeAll(async () => {
  execFileSync(process.execPath, [fileURLToPath(new URL("../build.mjs", import.meta.url)), outdir]);
  server = await startTestServer(answerWith(response(200)));
});
afterAll(async () => {
  await server.kill();
  rmSync(outdir, { recursive: true, force: true });
});

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the built command line", () => {
  it("runs a load test and prints the result as one JSON line", async () => {
    const { code, stdout } = await runCli(["--json", "-c", "2", "-t", "2", "-d", "300ms", server.url]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.requests).toBeGreaterThan(10);
    expect(result.threads).toBe(2);
    expect(stdout.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 with the problem and the usage on bad options", async () => {
    const { code, stderr } = await runCli(["-d", "0s", "-R", "0", server.url]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "durationMs must be greater than 0; rate must be greater than 0 requests per second",
    );
    expect(stderr).toContain("usage: loadgen");
  });

  it("exits 1 naming the target when it cannot connect", async () => {
    const { code, stderr } = await runCli(["-d", "1s", "http://127.0.0.1:1/"]);
    expect(code).toBe(1);
    expect(stderr).toContain("loadgen: cannot connect to http://127.0.0.1:1: connect ECONNREFUSED");
  });
});

// Runs the built bundle as Kubernetes would: a real process, real signals, real exit codes.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const agentDir = fileURLToPath(new URL("..", import.meta.url));

function spawnAgent(env: Record<string, string>): ChildProcess {
  // Only PATH from the parent, so a MESHPLANE_URL in the developer's shell cannot change the outcome.
  return spawn(process.execPath, ["dist/index.js"], {
    cwd: agentDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk: string) => {
    text += chunk;
  });
  return () => text;
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, "exit")) as [number | null];
  return code;
}

async function listeningPort(stdout: () => string, deadline: number): Promise<number> {
  while (Date.now() < deadline) {
    for (const line of stdout().split("\n")) {
      if (!line.includes('"health server listening"')) continue;
      const entry = JSON.parse(line) as { port?: number };
      if (typeof entry.port === "number") return entry.port;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`agent never logged its port; stdout so far:\n${stdout()}`);
}

beforeAll(() => {
  execFileSync(process.execPath, ["build.mjs"], { cwd: agentDir, stdio: "inherit" });
});

describe("agent process", () => {
  it("serves /healthz and exits 0 promptly on SIGTERM", async () => {
    const child = spawnAgent({
      MESHPLANE_URL: "https://meshplane.example.com",
      AGENT_HEALTH_PORT: "0",
      AGENT_HEALTH_HOST: "127.0.0.1",
      AGENT_STATE_DIR: mkdtempSync(join(tmpdir(), "agent-process-")),
      AGENT_CREDENTIAL_STORE: "file",
    });
    try {
      const stdout = collect(child.stdout);
      const stderr = collect(child.stderr);
      const port = await listeningPort(stdout, Date.now() + 10_000);

      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        version: "0.1.0",
        state: "running",
      });

      const signalledAt = Date.now();
      child.kill("SIGTERM");
      expect(await exitCode(child)).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(2_000);
      expect(stdout()).toContain('"msg":"agent stopped"');
      expect(stderr()).toBe("");
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("exits 78 with the problem on stderr when MESHPLANE_URL is missing, without leaking the token", async () => {
    const token = "mpb_process_test_secret";
    const child = spawnAgent({ MESHPLANE_BOOTSTRAP_TOKEN: token, AGENT_HEALTH_PORT: "99999" });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    expect(await exitCode(child)).toBe(78);
    expect(stderr()).toContain("MESHPLANE_URL: is required");
    expect(stderr()).toContain("AGENT_HEALTH_PORT: must be between 0 and 65535");
    expect(stderr() + stdout()).not.toContain(token);
  });
});

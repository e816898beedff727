import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDb, startWsProxy, type TestDb, tcpTargetOf, type WsProxy } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GetHealthResponse } from "./routes/health/get";
import { testAuthConfig } from "./testing/app";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url).href);
const wranglerBin = join(repoRoot, "node_modules/wrangler/bin/wrangler.js");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// The Worker in workerd (`wrangler dev`, the root wrangler.toml), reaching PostgreSQL through Neon's
// driver and a local WebSocket-to-TCP proxy, as in production minus Neon itself.
describe("the Worker entry in workerd", () => {
  let t: TestDb;
  let proxy: WsProxy;
  let wrangler: ChildProcess;
  let home: string;
  let base: string;
  let output = "";

  beforeAll(async () => {
    t = await createTestDb();
    proxy = await startWsProxy(tcpTargetOf(t.url ?? ""));
    home = mkdtempSync(join(tmpdir(), "meshplane-wrangler-"));
    const [port, inspectorPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    const args = [wranglerBin, "dev", "--config", "wrangler.toml", "--ip", "127.0.0.1", "--port", `${port}`];
    args.push("--inspector-port", `${inspectorPort}`, "--show-interactive-dev-session=false");
    args.push("--var", `DATABASE_URL:${t.url}`, "--var", `NEON_WS_PROXY:${proxy.address}`);
    const auth = testAuthConfig();
    args.push("--var", `MESHPLANE_INTERNAL_SECRET:${auth.internalSecret}`);
    args.push("--var", `MESHPLANE_ENCRYPTION_KEY:${auth.encryptionKey}`);
    args.push("--var", `MESHPLANE_PUBLIC_URL:${auth.publicUrl}`, "--var", `MESHPLANE_WEB_URL:${auth.webUrl}`);
    wrangler = spawn(process.execPath, args, {
      cwd: repoRoot,
      // Its own process group, so teardown stops workerd too; its own HOME, so no user config leaks in.
      detached: true,
      env: { HOME: home, XDG_CONFIG_HOME: join(home, ".config"), WRANGLER_SEND_METRICS: "false", CI: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    wrangler.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    wrangler.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`wrangler dev did not answer within 90 s:\n${output}`);
      const ready = await fetch(`${base}/api/version`).then(
        (res) => res.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 120_000);

  afterAll(async () => {
    if (wrangler?.pid && wrangler.exitCode === null) {
      const exited = new Promise((resolve) => wrangler.once("exit", resolve));
      process.kill(-wrangler.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (wrangler.exitCode === null) process.kill(-wrangler.pid, "SIGKILL");
    }
    await proxy?.close();
    await t?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  }, 30_000);

  it("serves /api/health with the database read through Neon's driver", async () => {
    const res = await fetch(`${base}/api/health`);
    const body = (await res.json()) as GetHealthResponse;
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      runtime: "workerd",
      mode: "distributed",
      database: { ok: true },
    });
    expect(body.database.migrations).toBeGreaterThan(0);
  });

  it("answers with the same error envelope as on Node", async () => {
    const res = await fetch(`${base}/api/nowhere`, { headers: { "x-request-id": "from-the-test" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "NOT_FOUND", message: "No route for GET /api/nowhere", requestId: "from-the-test" },
    });
  });

  it("serves the system events from PostgreSQL", async () => {
    const res = await fetch(`${base}/api/events?limit=5`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ events: expect.any(Array) });
  });
});

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListEventsResponse } from "./routes/events/list";
import type { GetHealthResponse } from "./routes/health/get";

const apiDir = fileURLToPath(new URL("..", import.meta.url).href);

// The real one-machine entry: the bundle `npm start` runs, on its own port, data folder and PGlite.
describe("the Node entry (dist/node.js)", () => {
  const bundle = `dist/node.test-${process.pid}.js`;
  let child: ChildProcess;
  let dataDir: string;
  let base: string;
  let output = "";

  beforeAll(async () => {
    // Its own bundle beside dist/node.js: web tests may be running that one at the same moment.
    execFileSync(process.execPath, ["build.mjs", "--outfile", bundle], { cwd: apiDir });
    dataDir = mkdtempSync(join(tmpdir(), "meshplane-api-"));
    // A clean environment: the entry must not depend on anything but what it documents.
    child = spawn(process.execPath, [bundle], {
      cwd: apiDir,
      env: {
        API_PORT: "0",
        API_HOST: "127.0.0.1",
        MESHPLANE_DATA_DIR: join(dataDir, "pglite"),
        MESHPLANE_SECRETS_FILE: join(dataDir, "secrets.json"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line within 30 s:\n${output}`)), 30_000);
      const check = () => {
        const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
        if (!match?.[1]) return;
        clearTimeout(timer);
        resolve(match[1]);
      };
      child.stdout?.on("data", check);
      child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  }, 60_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(join(apiDir, bundle), { force: true });
    rmSync(join(apiDir, `${bundle}.map`), { force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("publishes the team's designs to the catalog on first start", async () => {
    const page = (await (await fetch(`${base}/api/catalog/designs?pagesize=50`)).json()) as {
      totalCount: number;
      entries: { class: string }[];
    };
    expect(page.totalCount).toBeGreaterThanOrEqual(15);
    expect(page.entries.every((entry) => entry.class === "official")).toBe(true);
  });

  it("logs where it listens and which database it uses", () => {
    expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ \(embedded pglite .*pglite\)/);
  });

  it("serves /api/health on its migrated embedded database", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as GetHealthResponse;
    expect(body).toMatchObject({
      status: "ok",
      runtime: "node",
      mode: "one-machine",
      database: { ok: true },
    });
    expect(body.database.migrations).toBeGreaterThan(0);
  });

  it("records its start through the in-process workflows", async () => {
    let actions: string[] = [];
    for (let tries = 0; tries < 50 && !actions.includes("system.instance.started"); tries++) {
      const body = (await (await fetch(`${base}/api/events`)).json()) as ListEventsResponse;
      actions = body.events.map((event) => event.action);
      if (!actions.includes("system.instance.started")) await new Promise((r) => setTimeout(r, 100));
    }
    expect(actions).toContain("system.instance.started");
  });

  it("exits cleanly on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM, shutting down");
  }, 15_000);
});

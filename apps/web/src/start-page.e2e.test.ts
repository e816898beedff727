// The built web app, served by start.mjs, renders the live health of whatever API it is pointed at.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeApi, healthyBody, json, startFakeApi } from "./testing/fake-api";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("the start page", () => {
  let api: FakeApi;
  let web: ChildProcess;
  let webUrl: string;

  beforeAll(async () => {
    if (!existsSync(`${root}.next/BUILD_ID`)) {
      const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
      const build = spawnSync(process.execPath, [next, "build"], {
        cwd: root,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
        encoding: "utf8",
      });
      if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
    }
    api = await startFakeApi((req, res) =>
      req.url === "/api/health" ? json(res, 200, healthyBody) : json(res, 404, {}),
    );
    const port = await freePort();
    webUrl = `http://127.0.0.1:${port}`;
    web = spawn(process.execPath, ["start.mjs"], {
      cwd: root,
      env: { ...process.env, WEB_PORT: String(port), WEB_HOST: "127.0.0.1", API_URL: api.url },
      stdio: "ignore",
      detached: true,
    });
    await waitUntilServing(webUrl);
  });

  afterAll(async () => {
    if (web?.pid) process.kill(-web.pid, "SIGTERM");
    await api?.close();
  });

  it("shows the API's version and its database server as they are now", async () => {
    const html = await (await fetch(webUrl)).text();
    expect(html).toContain("Operational");
    expect(html).toContain("9.9.9-test");
    expect(html).toContain("15.99-test");
    expect(html).toContain("Not built yet");
  });

  it("says the API is unreachable, and where it looked, once the API is gone", async () => {
    await api.close();
    const html = await (await fetch(webUrl)).text();
    expect(html).toContain("Unreachable");
    expect(html).toContain(`${api.url}/api/health`);
    expect(html).toContain("connection refused");
    expect(html).not.toContain("9.9.9-test");
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function waitUntilServing(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start within 60 s`);
}

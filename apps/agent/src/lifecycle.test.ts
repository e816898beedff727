import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AgentConfig } from "./env";
import { type Agent, startAgent } from "./lifecycle";
import { createLogger } from "./log";

const silent = createLogger({ level: "error", write: () => {} });
const started: Agent[] = [];

async function start(overrides: Partial<AgentConfig> = {}): Promise<Agent> {
  const agent = await startAgent(
    {
      meshplaneUrl: "https://meshplane.example.com",
      bootstrapToken: undefined,
      healthPort: 0,
      healthHost: "127.0.0.1",
      shutdownTimeoutMs: 2_000,
      logLevel: "error",
      stateDir: mkdtempSync(join(tmpdir(), "agent-lifecycle-")),
      credentialStore: "file",
      namespace: "meshplane-agent",
      // No cluster here: the channel keeps retrying in the background, which these tests do not watch.
      kubeconfig: "/nonexistent/kubeconfig",
      caFile: undefined,
      extraCaFile: undefined,
      httpsProxy: undefined,
      httpProxy: undefined,
      noProxy: undefined,
      ...overrides,
    },
    { log: silent, version: "1.2.3-test" },
  );
  started.push(agent);
  return agent;
}

function get(agent: Agent, path: string, method = "GET") {
  return fetch(`http://127.0.0.1:${agent.healthPort}${path}`, { method });
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((agent) => agent.stop()));
});

describe("startAgent", () => {
  it("answers /healthz and /readyz with 200 while running, with the channel's state", async () => {
    const agent = await start();
    expect(agent.state).toBe("running");
    for (const path of ["/healthz", "/readyz"]) {
      const res = await get(agent, path);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        version: "1.2.3-test",
        state: "running",
        uptimeSeconds: expect.any(Number),
      });
    }
  });

  it("answers 404 JSON for unknown paths and 405 for non-GET methods", async () => {
    const agent = await start();
    const missing = await get(agent, "/metrics");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
    const post = await get(agent, "/healthz", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toContain("GET");
  });

  it("reports not ready while draining but stays live, and waits for tracked work", async () => {
    const agent = await start();
    const work = deferred();
    expect(agent.track(work.promise)).toBe(true);

    let stopped = false;
    const stopping = agent.stop().then((result) => {
      stopped = true;
      return result;
    });
    expect(agent.state).toBe("draining");
    expect((await get(agent, "/readyz")).status).toBe(503);
    expect((await get(agent, "/healthz")).status).toBe(200);
    expect(agent.track(Promise.resolve())).toBe(false);
    expect(stopped).toBe(false);

    work.resolve();
    expect(await stopping).toEqual({ drained: true });
    expect(agent.state).toBe("stopped");
    await expect(get(agent, "/healthz")).rejects.toThrow();
  });

  it("counts failed work as finished", async () => {
    const agent = await start();
    const failing = Promise.reject(new Error("apply failed"));
    failing.catch(() => {});
    agent.track(failing);
    expect(await agent.stop()).toEqual({ drained: true });
  });

  it("gives up after the shutdown timeout and reports drained: false", async () => {
    const agent = await start({ shutdownTimeoutMs: 50 });
    agent.track(new Promise(() => {}));
    const began = Date.now();
    expect(await agent.stop()).toEqual({ drained: false });
    expect(Date.now() - began).toBeLessThan(1_000);
    expect(agent.state).toBe("stopped");
  });

  it("returns the same drain from repeated stop() calls", async () => {
    const agent = await start();
    expect(agent.stop()).toBe(agent.stop());
    await agent.stop();
  });
});

// The built agent killed with SIGKILL between applying a design and reporting it, then started again.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { enqueueAgentJob, getAgentJob, listAgents } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeKubeApiServer } from "./testing/fake-kube-apiserver";
import { configMap, namespace, startCluster } from "./testing/kube-fixtures";
import { type MeshplaneStack, startMeshplaneStack } from "./testing/meshplane-stack";

const agentDir = fileURLToPath(new URL("..", import.meta.url));

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("the agent process, killed mid-job", () => {
  let stack: MeshplaneStack;
  let fake: FakeKubeApiServer;
  let kubeconfig: string;
  const children: ChildProcess[] = [];
  const bundle = join(mkdtempSync(join(tmpdir(), "agent-bundle-")), "index.js");

  beforeAll(async () => {
    execFileSync(process.execPath, ["build.mjs"], {
      cwd: agentDir,
      stdio: "inherit",
      env: { ...process.env, AGENT_BUNDLE_OUT: bundle },
    });
    stack = await startMeshplaneStack();
    ({ fake, kubeconfig } = await startCluster());
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await fake.close();
    await stack.close();
  });

  it("reports the outcome after a SIGKILL between apply and report, without applying again", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "agent-crash-"));
    const token = await stack.bootstrapToken();
    const launch = () => {
      const child = spawn(process.execPath, [bundle], {
        cwd: agentDir,
        env: {
          PATH: process.env.PATH ?? "",
          MESHPLANE_URL: stack.url,
          MESHPLANE_BOOTSTRAP_TOKEN: token,
          KUBECONFIG: kubeconfig,
          AGENT_STATE_DIR: stateDir,
          AGENT_CREDENTIAL_STORE: "file",
          POD_NAMESPACE: "default",
          AGENT_HEALTH_PORT: "0",
          AGENT_HEALTH_HOST: "127.0.0.1",
          LOG_LEVEL: "error",
        },
        stdio: "ignore",
      });
      children.push(child);
      return child;
    };

    stack.refuse((request) => request.url.endsWith("/result"));
    const first = launch();
    const agent = await until(
      "registration",
      async () => (await listAgents(stack.ctx.t.db, { organizationId: stack.orgId }))[0],
    );
    const job = await enqueueAgentJob(stack.ctx.t.db, {
      organizationId: stack.orgId,
      agentId: agent.id,
      kind: "deploy",
      payload: { designId: "crash", objects: [namespace("crash"), configMap("survivor", "crash")] },
      idempotencyKey: "crash-1",
    });
    await until("the journaled outcome", async () => existsSync(join(stateDir, "jobs", `${job.id}.json`)));
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));

    stack.refuse(undefined);
    launch();
    const done = await until("the reported result", async () => {
      const row = await getAgentJob(stack.ctx.t.db, {
        organizationId: stack.orgId,
        agentId: agent.id,
        id: job.id,
      });
      return row?.status === "succeeded" && row;
    });
    expect((done.result as { objects: unknown[] }).objects).toHaveLength(2);
    const applies = fake.requests.filter(
      (r) => r.method === "PATCH" && r.path.endsWith("/configmaps/survivor"),
    );
    expect(applies).toHaveLength(1);
  }, 60_000);
});

// The real agent against the real API (real database, loopback HTTP) and the fake Kubernetes API server.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importShopDesign } from "@meshplane/api/src/routes/agents/testing";
import { bearer } from "@meshplane/api/src/testing/identity";
import { enqueueAgentJob, getAgentJob, listAgents } from "@meshplane/db/queries";
import { agentJobs } from "@meshplane/db/schema";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { AgentConfig } from "./env";
import { type Agent, startAgent } from "./lifecycle";
import type { FakeKubeApiServer } from "./testing/fake-kube-apiserver";
import {
  configMap,
  deployment,
  namespace,
  silentLog,
  startCluster,
  widget,
  widgetCrd,
} from "./testing/kube-fixtures";
import { type MeshplaneStack, startMeshplaneStack } from "./testing/meshplane-stack";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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

async function setup(clusterOptions = {}) {
  const stack = await startMeshplaneStack();
  cleanups.push(() => stack.close());
  const cluster = await startCluster(clusterOptions);
  cleanups.push(() => cluster.fake.close());
  const token = await stack.bootstrapToken();
  const stateDir = mkdtempSync(join(tmpdir(), "agent-e2e-"));
  const config = (overrides: Partial<AgentConfig> = {}): AgentConfig => ({
    meshplaneUrl: stack.url,
    bootstrapToken: token,
    healthPort: 0,
    healthHost: "127.0.0.1",
    shutdownTimeoutMs: 5_000,
    logLevel: "error",
    stateDir,
    credentialStore: "file",
    namespace: "default",
    kubeconfig: cluster.kubeconfig,
    caFile: undefined,
    extraCaFile: undefined,
    httpsProxy: undefined,
    httpProxy: undefined,
    noProxy: undefined,
    ...overrides,
  });
  const launch = async (overrides: Partial<AgentConfig> = {}): Promise<Agent> => {
    const agent = await startAgent(config(overrides), { log: silentLog, version: "9.9.9-test" });
    cleanups.push(() => agent.stop());
    return agent;
  };
  const registered = () =>
    until(
      "the agent to register",
      async () => (await listAgents(stack.ctx.t.db, { organizationId: stack.orgId }))[0],
    );
  return { stack, fake: cluster.fake, stateDir, launch, registered };
}

async function deployJob(stack: MeshplaneStack, agentId: string, objects: unknown[], kind = "deploy") {
  return enqueueAgentJob(stack.ctx.t.db, {
    organizationId: stack.orgId,
    agentId,
    kind,
    payload: { designId: "design-e2e", objects },
    idempotencyKey: crypto.randomUUID(),
  });
}

const finished = (stack: MeshplaneStack, agentId: string, id: string) =>
  until("the job's result", async () => {
    const job = await getAgentJob(stack.ctx.t.db, { organizationId: stack.orgId, agentId, id });
    return job && (job.status === "succeeded" || job.status === "failed") && job;
  });

/** How many times the design's objects were applied (not dry runs, not the agent's own state). */
const applies = (fake: FakeKubeApiServer, name: string) =>
  fake.requests.filter(
    (r) => r.method === "PATCH" && r.query.fieldManager === "meshplane" && r.path.endsWith(`/${name}`),
  ).length;

describe("the agent, end to end", () => {
  it("registers with its bootstrap token, keeps the credential in a Secret, deploys a design and reports once", async () => {
    const { stack, fake, launch, registered } = await setup();
    await launch({ credentialStore: "secret" });
    const agent = await registered();
    expect(agent.version).toBe("9.9.9-test");
    // Saved right after the API answered, so it may land a moment after the agent's row.
    const secret = await until("the credential Secret", async () =>
      fake.store.get(fake.resource("secrets"), "default", "meshplane-agent-credential"),
    );
    expect(JSON.parse(Buffer.from(secret?.data.credential, "base64").toString()).credential).toMatch(/^mpa_/);

    const job = await deployJob(stack, agent.id, [
      namespace("shop"),
      configMap("settings", "shop"),
      deployment("web", "shop"),
    ]);
    const done = await finished(stack, agent.id, job.id);
    expect(done.status).toBe("succeeded");
    expect((done.result as { objects: { action: string }[] }).objects.map((o) => o.action)).toEqual([
      "created",
      "created",
      "created",
    ]);
    expect(applies(fake, "web")).toBe(1);
    expect(fake.store.get(fake.resource("deployments", "apps"), "shop", "web")).toBeDefined();
  });

  it("survives a restart between applying and reporting: the result arrives and nothing is applied twice", async () => {
    const { stack, fake, stateDir, launch, registered } = await setup();
    stack.refuse((request) => request.url.endsWith("/result"));
    const first = await launch();
    const agent = await registered();
    const job = await deployJob(stack, agent.id, [namespace("shop"), configMap("settings", "shop")]);
    await until("the outcome in the journal", async () =>
      existsSync(join(stateDir, "jobs", `${job.id}.json`)),
    );
    await first.stop();
    expect(applies(fake, "settings")).toBe(1);

    stack.refuse(undefined);
    await launch({ bootstrapToken: undefined });
    const done = await finished(stack, agent.id, job.id);
    expect(done.status).toBe("succeeded");
    expect(applies(fake, "settings")).toBe(1);
  });

  it("applies a job delivered twice only once", async () => {
    const { stack, fake, launch, registered } = await setup();
    stack.refuse((request) => request.url.endsWith("/result"));
    await launch();
    const agent = await registered();
    const job = await deployJob(stack, agent.id, [namespace("shop"), configMap("once", "shop")]);
    await until("the first apply", async () => applies(fake, "once") === 1);
    // As if the acknowledgement was lost long ago: the API offers the job again.
    await stack.ctx.t.db
      .update(agentJobs)
      .set({ deliveredAt: new Date(Date.now() - 3_600_000) })
      .where(eq(agentJobs.id, job.id));
    await until(
      "the redelivery",
      async () =>
        (await getAgentJob(stack.ctx.t.db, { organizationId: stack.orgId, agentId: agent.id, id: job.id }))
          ?.attempts === 2,
    );
    stack.refuse(undefined);
    expect((await finished(stack, agent.id, job.id)).status).toBe("succeeded");
    expect(applies(fake, "once")).toBe(1);
  });

  it("finishes a deployment while the API restarts, with every object applied once", async () => {
    const { stack, fake, launch, registered } = await setup({ crdEstablishDelayMs: 1_500 });
    await launch();
    const agent = await registered();
    const job = await deployJob(stack, agent.id, [widgetCrd, namespace("shop"), widget("w1", "shop")]);
    await until("the job to be acknowledged", async () => {
      const row = await getAgentJob(stack.ctx.t.db, {
        organizationId: stack.orgId,
        agentId: agent.id,
        id: job.id,
      });
      return row?.status === "acknowledged";
    });
    await stack.restart(2_500);
    const done = await finished(stack, agent.id, job.id);
    expect(done.status).toBe("succeeded");
    expect(applies(fake, "widgets.example.com")).toBe(1);
    expect(applies(fake, "w1")).toBe(1);
  });

  it("deploys, dry-runs and undeploys an imported design that a user asked for through the API", async () => {
    const { stack, fake, launch, registered } = await setup();
    await launch();
    const agent = await registered();
    const designId = await importShopDesign(stack.ctx, stack.user);
    const ask = async (kind: string) => {
      const res = await stack.ctx.app.request("/api/agents/design-jobs", {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(stack.user.jwt) },
        body: JSON.stringify({ orgId: stack.orgId, connectionId: agent.connectionId, designId, kind }),
      });
      const { id } = (await res.json()) as { id: string };
      await finished(stack, agent.id, id);
      const followed = await stack.ctx.app.request(`/api/agents/design-jobs/${id}?orgId=${stack.orgId}`, {
        headers: bearer(stack.user.jwt),
      });
      return (await followed.json()) as {
        status: string;
        result: { objects: { kind: string; action: string }[] };
      };
    };
    const summary = (job: Awaited<ReturnType<typeof ask>>) =>
      job.result.objects.map((o) => `${o.action} ${o.kind}`);

    const deployed = await ask("deploy");
    expect(deployed.status).toBe("succeeded");
    expect(summary(deployed)).toEqual(["created Namespace", "created ConfigMap", "created Deployment"]);
    const dryRun = await ask("dryRun");
    expect(summary(dryRun)).toEqual(["unchanged Namespace", "unchanged ConfigMap", "unchanged Deployment"]);
    const undeployed = await ask("undeploy");
    expect(summary(undeployed)).toEqual(["deleted Deployment", "deleted ConfigMap", "kept Namespace"]);
    expect(fake.store.get(fake.resource("deployments", "apps"), "shop", "web")).toBeUndefined();
  });
});

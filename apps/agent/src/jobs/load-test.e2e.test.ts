// In-cluster load tests end to end: the real API (real database, loopback HTTP) dispatches a profile's run to
// two real agents (fake Kubernetes only for their registration), each runs the generator against a local HTTP
// target, and the API merges their HDR histograms exactly.
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bearer } from "@meshplane/api/src/testing/identity";
import { listAgents, listEvents, rowsOf } from "@meshplane/db/queries";
import {
  deserializeHistogram,
  mergeHistograms,
  type SerializedHistogram,
  serializeHistogram,
} from "@meshplane/loadgen";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, startAgent } from "../lifecycle";
import { silentLog, startCluster } from "../testing/kube-fixtures";
import { type MeshplaneStack, startMeshplaneStack } from "../testing/meshplane-stack";

type Result = {
  id: string;
  status: string;
  source: string;
  partial: boolean;
  error: string | null;
  percentiles: Record<string, number>;
  summary: { requests: number; rps: number; connections: number; rate: number | null } | null;
  statusCodes: Record<string, number>;
  series: { second: number; requests: number }[];
  histogram: string | null;
  thresholds: { expression: string; passed: boolean }[];
  runnerResults: {
    agents: { connectionId: string; clusterName?: string; jobId: string; status: string; requests: number }[];
  };
};

describe("load tests on several clusters' agents", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  let stack: MeshplaneStack;
  let target: Server;
  let targetUrl: string;
  let served = 0;
  let connectionIds: string[] = [];

  const api = (method: string, path: string, body?: unknown) =>
    stack.ctx.app.request(`${path}?orgId=${stack.orgId}`, {
      method,
      headers: {
        ...bearer(stack.user.jwt),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function launchAgent(): Promise<Agent> {
    const cluster = await startCluster();
    cleanups.push(() => cluster.fake.close());
    const agent = await startAgent(
      {
        meshplaneUrl: stack.url,
        bootstrapToken: await stack.bootstrapToken(),
        healthPort: 0,
        healthHost: "127.0.0.1",
        shutdownTimeoutMs: 5_000,
        logLevel: "error",
        stateDir: mkdtempSync(join(tmpdir(), "agent-load-test-")),
        credentialStore: "file",
        namespace: "default",
        kubeconfig: cluster.kubeconfig,
        caFile: undefined,
        extraCaFile: undefined,
        httpsProxy: undefined,
        httpProxy: undefined,
        noProxy: undefined,
      },
      { log: silentLog, version: "9.9.9-test" },
    );
    cleanups.push(() => agent.stop());
    return agent;
  }

  /** Seconds of the series seen while the run was still running, at most, across the polls. */
  let liveSeconds = 0;

  async function runToEnd(profile: Record<string, unknown>, connections: string[]): Promise<Result> {
    liveSeconds = 0;
    const created = (await (await api("POST", "/api/performance/profiles", profile)).json()) as {
      id: string;
    };
    const started = await api("POST", `/api/performance/profiles/${created.id}/run`, {
      connectionIds: connections,
    });
    expect(started.status).toBe(202);
    const { id, source } = (await started.json()) as Result;
    expect(source).toBe("agents");
    for (let i = 0; i < 200; i++) {
      const result = (await (await api("GET", `/api/performance/results/${id}`)).json()) as Result;
      if (result.status !== "running") return result;
      liveSeconds = Math.max(liveSeconds, result.series.length);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error("the in-cluster run did not finish");
  }

  beforeAll(async () => {
    stack = await startMeshplaneStack();
    cleanups.push(() => stack.close());
    target = createServer((_, response) => {
      served += 1;
      response.end("ok");
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => target.once("listening", resolve));
    cleanups.push(() => new Promise((resolve) => target.close(resolve)));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    await Promise.all([launchAgent(), launchAgent()]);
    for (let i = 0; i < 100 && connectionIds.length < 2; i++) {
      connectionIds = (await listAgents(stack.ctx.t.db, { organizationId: stack.orgId })).map(
        (a) => a.connectionId,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(connectionIds).toHaveLength(2);
  }, 60_000);
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("splits the load across two agents and merges their histograms exactly", async () => {
    const before = served;
    const result = await runToEnd(
      {
        name: "checkout from two clusters",
        endpoints: [targetUrl],
        concurrentRequest: 4,
        qps: 100,
        duration: "2s",
        thresholds: ["p(99)<1000", "error_rate<0.01"],
      },
      connectionIds,
    );
    expect(result).toMatchObject({ status: "passed", source: "agents", partial: false, error: null });
    expect(result.thresholds.every((t) => t.passed)).toBe(true);
    // Each agent ran half: 2 connections at 50 rps.
    expect(result.summary).toMatchObject({ connections: 4, rate: 100 });
    const agents = result.runnerResults.agents;
    expect(agents.map((a) => a.connectionId).sort()).toEqual([...connectionIds].sort());
    expect(agents.every((a) => a.status === "succeeded" && a.requests >= 80 && a.requests <= 110)).toBe(true);
    const total = agents.reduce((sum, a) => sum + a.requests, 0);
    expect(result.summary?.requests).toBe(total);
    expect(result.statusCodes["200"]).toBe(total);
    expect(served - before).toBeGreaterThanOrEqual(total);
    // The stored histogram is exactly the merge of what the agents reported.
    const reported = rowsOf<{ result: { histogram: SerializedHistogram } }>(
      await stack.ctx.t.db.execute(
        sql`select result from agent_jobs where id in (${sql.join(
          agents.map((a) => sql`${a.jobId}::uuid`),
          sql`, `,
        )})`,
      ),
    ).map((row) => row.result.histogram);
    const merged = mergeHistograms(reported);
    expect(JSON.parse(result.histogram ?? "{}")).toEqual(serializeHistogram(merged));
    expect(merged.total).toBe(total);
    expect(result.percentiles.p99).toBe(merged.valueAtPercentile(99) / 1000);
    expect(result.percentiles.max).toBe(Math.max(...reported.map((h) => deserializeHistogram(h).max)) / 1000);
    expect(result.series.reduce((sum, s) => sum + s.requests, 0)).toBe(total);
    // Whoever finished the run (the workflow, or a read) records its event just after the outcome.
    const finishedEvents = async () =>
      (await listEvents(stack.ctx.t.db, { organizationId: stack.orgId })).filter(
        (e) => e.action === "performance.run_finished" && e.resourceId === result.id,
      );
    let finished = await finishedEvents();
    for (let i = 0; i < 50 && finished.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = await finishedEvents();
    }
    expect(finished).toHaveLength(1);
    expect(finished[0]?.description).toMatch(/on 2 clusters passed/);
  }, 60_000);

  it("draws an in-cluster run live: the agents' seconds reach the result while it runs", async () => {
    const result = await runToEnd(
      {
        name: "live from two clusters",
        endpoints: [targetUrl],
        concurrentRequest: 2,
        qps: 40,
        duration: "3s",
      },
      connectionIds,
    );
    expect(result.status).toBe("passed");
    // At least the first two of three seconds were merged in before the agents' final reports.
    expect(liveSeconds).toBeGreaterThanOrEqual(2);
    // The final series is the reports' own, and the live copies are not kept beside it.
    expect(result.series.reduce((sum, s) => sum + s.requests, 0)).toBe(result.summary?.requests);
    expect(result.runnerResults).not.toHaveProperty("live");
  }, 60_000);

  it("ends as errored with each agent's cause when no agent can reach the target", async () => {
    const closed = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => closed.once("listening", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runToEnd(
      { name: "gone", endpoints: [`http://127.0.0.1:${port}/`], duration: "1s" },
      connectionIds,
    );
    expect(result.status).toBe("errored");
    for (const agent of result.runnerResults.agents) {
      expect(agent.clusterName).toMatch(/\S/);
      expect(result.error).toContain(`the agent of cluster "${agent.clusterName}" failed: cannot connect`);
    }
  }, 60_000);

  it("refuses a connection of another organisation, or one without an agent, with 404", async () => {
    const created = (await (
      await api("POST", "/api/performance/profiles", { name: "x", endpoints: [targetUrl], duration: "1s" })
    ).json()) as { id: string };
    const response = await api("POST", `/api/performance/profiles/${created.id}/run`, {
      connectionIds: [connectionIds[0], crypto.randomUUID()],
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /No agent serves/,
    );
    const bad = await api("POST", `/api/performance/profiles/${created.id}/run`, { connectionIds: ["nope"] });
    expect(bad.status).toBe(400);
  });
});

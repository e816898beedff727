import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, createTestDb, type TestDb, uniqueName } from "../testing/index";
import {
  AGENT_JOB_REDELIVER_UNACKED_MS,
  acknowledgeAgentJob,
  claimAgentJobs,
  enqueueAgentJob,
  reportAgentJobResult,
} from "./agent-jobs";
import { registerAgent } from "./agents";

async function agentOf(t: TestDb) {
  const { organization } = await createOrganization(t.db);
  const { agent } = await registerAgent(t.db, {
    organizationId: organization.id,
    name: "c",
    kubeSystemUid: uniqueName("uid"),
    kubernetesVersion: "v1.34.0",
    nodeCount: 1,
    agentVersion: "0.1.0",
  });
  return { organizationId: organization.id, agentId: agent.id };
}

describe("agent jobs", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("enqueues once per idempotency key and delivers in order, once", async () => {
    const owner = await agentOf(t);
    const job = (key: string) => ({ ...owner, kind: "deploy", payload: { key }, idempotencyKey: key });
    const first = await enqueueAgentJob(t.db, job("a"));
    expect((await enqueueAgentJob(t.db, job("a"))).id).toBe(first.id);
    await enqueueAgentJob(t.db, job("b"));

    const claimed = await claimAgentJobs(t.db, { ...owner, limit: 10 });
    expect(claimed.map((row) => row.payload)).toEqual([{ key: "a" }, { key: "b" }]);
    expect(claimed.every((row) => row.status === "delivered" && row.attempts === 1)).toBe(true);
    expect(await claimAgentJobs(t.db, { ...owner, limit: 10 })).toEqual([]);
  });

  it("redelivers a job nobody acknowledged, but not an acknowledged one that is still young", async () => {
    const owner = await agentOf(t);
    const lost = await enqueueAgentJob(t.db, { ...owner, kind: "deploy", payload: {}, idempotencyKey: "l" });
    const kept = await enqueueAgentJob(t.db, { ...owner, kind: "deploy", payload: {}, idempotencyKey: "k" });
    await claimAgentJobs(t.db, { ...owner, limit: 10 });
    await acknowledgeAgentJob(t.db, { ...owner, id: kept.id });
    const later = new Date(Date.now() + AGENT_JOB_REDELIVER_UNACKED_MS + 1_000);
    const again = await claimAgentJobs(t.db, { ...owner, limit: 10, now: later });
    expect(again.map((row) => [row.id, row.attempts])).toEqual([[lost.id, 2]]);
  });

  it("acknowledges idempotently and refuses other agents' jobs as not found", async () => {
    const owner = await agentOf(t);
    const stranger = await agentOf(t);
    const job = await enqueueAgentJob(t.db, { ...owner, kind: "dryRun", payload: {}, idempotencyKey: "x" });
    await expect(acknowledgeAgentJob(t.db, { ...owner, id: job.id })).rejects.toMatchObject({
      code: "invalid_transition",
    });
    await claimAgentJobs(t.db, { ...owner, limit: 1 });
    expect((await acknowledgeAgentJob(t.db, { ...owner, id: job.id })).status).toBe("acknowledged");
    expect((await acknowledgeAgentJob(t.db, { ...owner, id: job.id })).status).toBe("acknowledged");
    await expect(acknowledgeAgentJob(t.db, { ...stranger, id: job.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("records a result once: the same report again changes nothing, a different one conflicts", async () => {
    const owner = await agentOf(t);
    const job = await enqueueAgentJob(t.db, { ...owner, kind: "deploy", payload: {}, idempotencyKey: "r" });
    await claimAgentJobs(t.db, { ...owner, limit: 1 });
    const outcome = {
      status: "succeeded" as const,
      result: { applied: 2, objects: ["a", "b"] },
      error: null,
    };
    const first = await reportAgentJobResult(t.db, { ...owner, id: job.id, ...outcome });
    expect(first).toMatchObject({ changed: true, job: { status: "succeeded" } });
    const repeat = await reportAgentJobResult(t.db, {
      ...owner,
      id: job.id,
      ...outcome,
      result: { objects: ["a", "b"], applied: 2 },
    });
    expect(repeat.changed).toBe(false);
    expect(repeat.job.finishedAt).toEqual(first.job.finishedAt);
    await expect(
      reportAgentJobResult(t.db, { ...owner, id: job.id, status: "failed", result: null, error: "boom" }),
    ).rejects.toMatchObject({ code: "conflict" });
    // A finished job is not delivered again.
    const later = new Date(Date.now() + 3_600_000);
    expect(await claimAgentJobs(t.db, { ...owner, limit: 10, now: later })).toEqual([]);
  });

  it("accepts a repeated failure with no result", async () => {
    const owner = await agentOf(t);
    const job = await enqueueAgentJob(t.db, { ...owner, kind: "deploy", payload: {}, idempotencyKey: "f" });
    const failed = { ...owner, id: job.id, status: "failed" as const, result: null, error: "conflict" };
    expect((await reportAgentJobResult(t.db, failed)).changed).toBe(true);
    expect((await reportAgentJobResult(t.db, failed)).changed).toBe(false);
  });
});

import {
  enqueueAgentJob,
  getOrganizationAgentJob,
  listEvents,
  reportAgentJobResult,
} from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessRunner } from "../../in-process";
import { timeOutForgottenDesignJobsWith } from "./forgotten-jobs";
import { type AgentFixture, createAgentFixture, queueDesignJob } from "./testing";

describe("time-out-forgotten-design-jobs", () => {
  let t: TestDb;
  let fixture: AgentFixture;
  beforeAll(async () => {
    t = await createTestDb();
    fixture = await createAgentFixture(t.db);
  });
  afterAll(() => t?.close());

  const runAt = async (offsetMs: number) => {
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [
        timeOutForgottenDesignJobsWith({ forgottenAfterMs: 60_000, now: () => Date.now() + offsetMs }),
      ],
      log: () => {},
    });
    await runner.send({ name: "agents/design-jobs.scheduled", data: {} });
    await runner.drain(5_000);
  };
  const jobOf = (id: string) => getOrganizationAgentJob(t.db, { organizationId: fixture.organizationId, id });

  it("times out only old, unfinished design jobs, once, with one outcome event each", async () => {
    const forgotten = await queueDesignJob(t.db, fixture, "deploy");
    const finished = await queueDesignJob(t.db, fixture, "dryRun");
    await reportAgentJobResult(t.db, {
      organizationId: fixture.organizationId,
      agentId: fixture.agentId,
      id: finished.data.jobId,
      status: "succeeded",
      result: { objects: [] },
      error: null,
    });
    const loadTest = await enqueueAgentJob(t.db, {
      organizationId: fixture.organizationId,
      agentId: fixture.agentId,
      kind: "loadTest",
      payload: {},
      idempotencyKey: crypto.randomUUID(),
    });

    await runAt(0);
    expect((await jobOf(forgotten.data.jobId))?.status).toBe("queued");

    await runAt(120_000);
    await runAt(180_000);
    expect(await jobOf(forgotten.data.jobId)).toMatchObject({ status: "failed", result: { timedOut: true } });
    expect((await jobOf(finished.data.jobId))?.status).toBe("succeeded");
    expect((await jobOf(loadTest.id))?.status).toBe("queued");
    const events = (await listEvents(t.db, { organizationId: fixture.organizationId })).filter(
      (e) => e.metadata.jobId === forgotten.data.jobId,
    );
    expect(events.map((e) => e.action)).toEqual(["design.deploy.timed_out"]);
    expect(events[0]?.resourceId).toBe((await jobOf(forgotten.data.jobId))?.payload.designId);
  });
});

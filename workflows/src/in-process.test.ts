import { listEvents, listWorkflowRuns } from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineWorkflow } from "./define";
import type { WorkflowEvent } from "./events";
import { createInProcessRunner } from "./in-process";

const audit = (action: string, actorId?: string): WorkflowEvent => ({
  name: "audit/event.recorded",
  data: { organizationId: null, actorType: "system", action, ...(actorId ? { actorId } : {}) },
});

describe("in-process runner", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("runs steps in order and records a completed run", async () => {
    const order: string[] = [];
    const ordered = defineWorkflow({
      id: "test-ordered",
      event: "audit/event.recorded",
      retries: 0,
      handler: async ({ step }) => {
        const a = await step.run("a", () => order.push("a"));
        await step.sleep("pause", 5);
        const b = await step.run("b", async () => order.push("b"));
        return { a, b };
      },
    });
    const runner = createInProcessRunner({ db: t.db, definitions: [ordered] });
    await runner.send(audit("ordered"));
    await runner.drain();
    expect(order).toEqual(["a", "b"]);
    const [run] = await listWorkflowRuns(t.db, { functionId: "test-ordered" });
    expect(run).toMatchObject({ status: "completed", attempts: 1, output: { a: 1, b: 2 }, error: null });
  });

  it("retries a failing step, replaying completed steps from memory", async () => {
    const calls = { first: 0, flaky: 0 };
    const flaky = defineWorkflow({
      id: "test-flaky",
      event: "audit/event.recorded",
      retries: 3,
      handler: async ({ step, attempt }) => {
        const first = await step.run("first", () => ({ n: ++calls.first, at: attempt }));
        await step.run("flaky", () => {
          if (++calls.flaky < 3) throw new Error("transient");
        });
        return first;
      },
    });
    const runner = createInProcessRunner({ db: t.db, definitions: [flaky], backoffMs: 1, log: () => {} });
    await runner.send(audit("flaky"));
    await runner.drain();
    expect(calls).toEqual({ first: 1, flaky: 3 });
    const [run] = await listWorkflowRuns(t.db, { functionId: "test-flaky" });
    expect(run).toMatchObject({ status: "completed", attempts: 3, output: { n: 1, at: 0 } });
  });

  it("stops after the function's retries and records the failure without throwing", async () => {
    const lines: string[] = [];
    let tries = 0;
    const broken = defineWorkflow({
      id: "test-broken",
      event: "audit/event.recorded",
      retries: 2,
      handler: async ({ step }) =>
        step.run("always fails", () => {
          tries++;
          throw new Error("the disk is on fire");
        }),
    });
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [broken],
      backoffMs: 1,
      log: (line) => lines.push(line),
    });
    await expect(runner.send(audit("broken"))).resolves.toMatchObject({ ids: [expect.any(String)] });
    await runner.drain();
    expect(tries).toBe(3);
    const [run] = await listWorkflowRuns(t.db, { functionId: "test-broken" });
    expect(run).toMatchObject({ status: "failed", attempts: 3, error: "the disk is on fire" });
    expect(run?.finishedAt).toBeInstanceOf(Date);
    expect(lines.join("\n")).toMatch(/test-broken failed after 3 attempt/);
  });

  it("dispatches step.sendEvent to other functions: a start becomes a system audit event", async () => {
    const runner = createInProcessRunner({ db: t.db });
    const { ids } = await runner.send({
      name: "system/instance.started",
      data: { version: "0.0.0-test", runtime: "node", mode: "one-machine", database: "pglite" },
    });
    // A re-sent id is dropped, as Inngest does for 24 hours.
    await runner.send({
      name: "system/instance.started",
      id: ids[0],
      data: { version: "0.0.0-test", runtime: "node", mode: "one-machine", database: "pglite" },
    });
    await runner.drain();
    const rows = await listEvents(t.db, { organizationId: null });
    const started = rows.filter((row) => row.action === "system.instance.started");
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ actorType: "system", metadata: { version: "0.0.0-test" } });
    const runs = await listWorkflowRuns(t.db, { status: "completed" });
    expect(runs.map((run) => run.functionId)).toEqual(
      expect.arrayContaining(["audit-instance-started", "record-audit-event"]),
    );
  });

  it("waits for a matching event, or gives up with null after the timeout", async () => {
    const seen: (string | null)[] = [];
    const waiting = defineWorkflow({
      id: "test-waiting",
      event: "system/instance.started",
      retries: 0,
      handler: async ({ step }) => {
        const reply = await step.waitForEvent("reply", {
          event: "audit/event.recorded",
          timeout: 50,
          match: "data.actorId",
        });
        seen.push(reply ? reply.data.action : null);
      },
    });
    const runner = createInProcessRunner({ db: t.db, definitions: [waiting] });
    const started = (database: string): WorkflowEvent => ({
      name: "system/instance.started",
      data: { version: "1", runtime: "node", mode: "one-machine", database },
    });
    await runner.send(started("a"));
    await runner.send(audit("not the reply", "someone"));
    await runner.drain();
    expect(seen).toEqual([null]);

    const replies: (string | null)[] = [];
    let listening: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const conversation = defineWorkflow({
      id: "test-conversation",
      event: "audit/event.recorded",
      retries: 0,
      handler: async ({ event, step }) => {
        if (event.data.action !== "request") return;
        await step.run("listen", () => listening());
        const reply = await step.waitForEvent("reply", {
          event: "audit/event.recorded",
          timeout: 5_000,
          match: "data.actorId",
        });
        replies.push(reply ? `${reply.data.action} from ${reply.data.actorId}` : null);
      },
    });
    const talking = createInProcessRunner({ db: t.db, definitions: [conversation] });
    await talking.send(audit("request", "u1"));
    await ready;
    await new Promise((resolve) => setImmediate(resolve));
    await talking.send(audit("reply", "u2"));
    await talking.send(audit("reply", "u1"));
    await talking.drain();
    expect(replies).toEqual(["reply from u1"]);
  });

  it("takes a matching event sent after the run began but before its wait did, and none from before the run", async () => {
    const replies: (string | null)[] = [];
    let inStep: () => void = () => {};
    const stepStarted = new Promise<void>((resolve) => {
      inStep = resolve;
    });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const checking = defineWorkflow({
      id: "test-check-then-wait",
      event: "audit/event.recorded",
      retries: 0,
      handler: async ({ event, step }) => {
        if (event.data.action !== "request") return;
        // The check before the wait is still running when the reply comes.
        await step.run("check", async () => {
          inStep();
          await released;
        });
        const reply = await step.waitForEvent("reply", {
          event: "audit/event.recorded",
          timeout: 5_000,
          match: "data.actorId",
        });
        replies.push(reply ? `${reply.data.action} from ${reply.data.actorId}` : null);
      },
    });
    const runner = createInProcessRunner({ db: t.db, definitions: [checking] });
    // A reply from before the request belongs to no run of it.
    await runner.send(audit("stale reply", "u3"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runner.send(audit("request", "u3"));
    await stepStarted;
    await runner.send(audit("reply", "u3"));
    release();
    await runner.drain();
    // Missed, the wait would have ended with null at its timeout.
    expect(replies).toEqual(["reply from u3"]);
  });
});

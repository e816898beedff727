import { InngestTestEngine } from "@inngest/test";
import { getConnection, listEvents, recordAgentHeartbeat } from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInngestClient } from "../../client";
import { createInProcessRunner } from "../../in-process";
import { toInngestFunction } from "../../inngest";
import { AGENT_SILENT_AFTER_MS, checkAgentLivenessWith } from "./liveness";
import { type AgentFixture, createAgentFixture } from "./testing";

describe("check-agent-liveness", () => {
  let t: TestDb;
  let mine: AgentFixture;
  let theirs: AgentFixture;
  beforeAll(async () => {
    t = await createTestDb();
    [mine, theirs] = [await createAgentFixture(t.db), await createAgentFixture(t.db)];
  });
  afterAll(() => t?.close());

  const statusOf = async (fixture: AgentFixture) =>
    (await getConnection(t.db, { organizationId: fixture.organizationId, id: fixture.connectionId }))?.status;
  const disconnections = async (fixture: AgentFixture) =>
    (await listEvents(t.db, { organizationId: fixture.organizationId })).filter(
      (e) => e.action === "connection.disconnected" && e.resourceId === fixture.connectionId,
    );
  const runAt = async (offsetMs: number) => {
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [
        checkAgentLivenessWith({ silentAfterMs: AGENT_SILENT_AFTER_MS, now: () => Date.now() + offsetMs }),
      ],
      log: () => {},
    });
    await runner.send({ name: "agents/liveness.scheduled", data: {} });
    await runner.drain(5_000);
  };

  it("leaves clusters that called in recently alone", async () => {
    await runAt(0);
    expect(await statusOf(mine)).toBe("connected");
    expect(await disconnections(mine)).toHaveLength(0);
  });

  it("disconnects every organisation's silent clusters, each in its own trail, then a heartbeat reconnects", async () => {
    await runAt(AGENT_SILENT_AFTER_MS + 60_000);
    expect(await statusOf(mine)).toBe("disconnected");
    expect(await statusOf(theirs)).toBe("disconnected");
    expect(await disconnections(mine)).toHaveLength(1);
    expect(await disconnections(theirs)).toHaveLength(1);

    // Already disconnected: a later run records nothing more.
    await runAt(AGENT_SILENT_AFTER_MS + 120_000);
    expect(await disconnections(mine)).toHaveLength(1);

    const { connection } = await recordAgentHeartbeat(t.db, {
      organizationId: mine.organizationId,
      id: mine.agentId,
      agentVersion: "0.1.1",
    });
    expect(connection.status).toBe("connected");
    expect(await statusOf(theirs)).toBe("disconnected");
  });

  it("runs on Inngest from its cron trigger, inside one named step", async () => {
    const fn = toInngestFunction(
      createInngestClient({ isDev: true }),
      checkAgentLivenessWith({ silentAfterMs: 1, now: () => Date.now() + 60_000 }),
      { db: t.db },
    );
    const { result, ctx } = await new InngestTestEngine({ function: fn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }],
    });
    expect(ctx.step.run).toHaveBeenCalledWith("mark silent clusters disconnected", expect.any(Function));
    expect(result).toEqual({ disconnected: [mine.connectionId] });
    expect(await statusOf(mine)).toBe("disconnected");
  });
});

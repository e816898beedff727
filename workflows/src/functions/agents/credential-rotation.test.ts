import { InngestTestEngine } from "@inngest/test";
import {
  getAgent,
  getConnection,
  listEvents,
  revokeAgentCredential,
  rotateAgentCredential,
} from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInngestClient } from "../../client";
import { createInProcessRunner } from "../../in-process";
import { toInngestFunction } from "../../inngest";
import { FLAG_CREDENTIAL_BEFORE_EXPIRY_MS, watchAgentCredentialsWith } from "./credential-rotation";
import { type AgentFixture, createAgentFixture } from "./testing";

const DAY_MS = 86_400_000;

describe("watch-agent-credentials", () => {
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
        watchAgentCredentialsWith({
          flagBeforeExpiryMs: FLAG_CREDENTIAL_BEFORE_EXPIRY_MS,
          now: () => Date.now() + offsetMs,
        }),
      ],
      log: () => {},
    });
    await runner.send({ name: "agents/credentials.scheduled", data: {} });
    await runner.drain(5_000);
  };
  const noteOf = async () =>
    (await getConnection(t.db, { organizationId: fixture.organizationId, id: fixture.connectionId }))
      ?.metadata.credentialNote as { message: string; expiresAt: string } | undefined;
  const actions = async () =>
    (await listEvents(t.db, { organizationId: fixture.organizationId }))
      .filter((e) => e.resourceId === fixture.agentId)
      .map((e) => e.action);

  it("says nothing while the credential has plenty of life left", async () => {
    await runAt(20 * DAY_MS);
    expect(await noteOf()).toBeUndefined();
    expect(await actions()).toEqual([]);
  });

  it("flags a credential the agent has not rotated, once, on the connection and in the trail", async () => {
    await runAt(26 * DAY_MS);
    const note = await noteOf();
    expect(note?.message).toMatch(/has not rotated its credential/);
    expect(await actions()).toEqual(["agent.credential.rotation_overdue"]);
    await runAt(26 * DAY_MS + 60_000);
    expect(await actions()).toEqual(["agent.credential.rotation_overdue"]);
    // Past its expiry it is flagged as expired, keeping the same expiry on the note.
    await runAt(31 * DAY_MS);
    expect(await actions()).toEqual(["agent.credential.rotation_overdue"]);
  });

  it("clears the warning once the agent rotates, and erases the old credential after its grace", async () => {
    await rotateAgentCredential(t.db, {
      organizationId: fixture.organizationId,
      id: fixture.agentId,
      presentedCredential: "mpa_the-old-one",
    });
    await runAt(0);
    expect(await noteOf()).toBeUndefined();
    let agent = await getAgent(t.db, { organizationId: fixture.organizationId, id: fixture.agentId });
    expect(agent?.previousCredentialHash).not.toBeNull();
    await runAt(11 * 60_000);
    agent = await getAgent(t.db, { organizationId: fixture.organizationId, id: fixture.agentId });
    expect(agent?.previousCredentialHash).toBeNull();
    expect(agent?.previousCredentialExpiresAt).toBeNull();
    expect(await actions()).toContain("agent.credential.previous_expired");
  });

  it("flags an expired credential as expired, and drops the warning when the agent is revoked", async () => {
    const other = await createAgentFixture(t.db);
    await runAt(31 * DAY_MS);
    const note = (await getConnection(t.db, { organizationId: other.organizationId, id: other.connectionId }))
      ?.metadata.credentialNote as { message: string } | undefined;
    expect(note?.message).toMatch(/expired .* install the agent again/);
    const events = await listEvents(t.db, { organizationId: other.organizationId });
    expect(events.find((e) => e.resourceId === other.agentId)).toMatchObject({
      action: "agent.credential.expired",
      severity: "error",
    });
    // Nothing about this organisation's agent landed in the first one's trail.
    expect(
      (await listEvents(t.db, { organizationId: fixture.organizationId })).some(
        (e) => e.resourceId === other.agentId,
      ),
    ).toBe(false);
    await revokeAgentCredential(t.db, { organizationId: other.organizationId, id: other.agentId });
    await runAt(31 * DAY_MS);
    const after = await getConnection(t.db, { organizationId: other.organizationId, id: other.connectionId });
    expect(after?.metadata.credentialNote).toBeUndefined();
  });

  it("runs on Inngest from its cron trigger with named steps", async () => {
    const fn = toInngestFunction(
      createInngestClient({ isDev: true }),
      watchAgentCredentialsWith({ flagBeforeExpiryMs: FLAG_CREDENTIAL_BEFORE_EXPIRY_MS }),
      { db: t.db },
    );
    const { result, ctx } = await new InngestTestEngine({ function: fn }).execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "*/5 * * * *" } }],
    });
    for (const name of [
      "erase rotated-out credentials",
      "clear resolved warnings",
      "flag overdue rotations",
    ]) {
      expect(ctx.step.run).toHaveBeenCalledWith(name, expect.any(Function));
    }
    // The 31-day run above also flagged the first agent's fresh credential; today it is fine again.
    expect(result).toEqual({ erased: 0, cleared: 1, flagged: 0 });
  });
});

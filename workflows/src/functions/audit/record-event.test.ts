import { InngestTestEngine } from "@inngest/test";
import { listEvents } from "@meshplane/db/queries";
import { createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInngestClient } from "../../client";
import { toInngestFunction } from "../../inngest";
import { recordAuditEvent } from "./record-event";

describe("record-audit-event on Inngest", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t?.close();
  });

  const engineFor = (db: TestDb["db"]) =>
    new InngestTestEngine({
      function: toInngestFunction(createInngestClient({ isDev: true }), recordAuditEvent, { db }),
    });

  const event = {
    name: "audit/event.recorded",
    id: "01JTESTEVENT0000000000000A",
    data: {
      organizationId: null,
      actorType: "system",
      action: "test.recorded",
      description: "from the Inngest test engine",
    },
  } as const;

  it("writes the event inside the named step", async () => {
    const { result, ctx } = await engineFor(t.db).execute({ events: [event] });
    expect(ctx.step.run).toHaveBeenCalledWith("write the audit event", expect.any(Function));
    expect(result).toMatchObject({ created: true });
    const rows = await listEvents(t.db, { organizationId: null });
    expect(rows.filter((row) => row.action === "test.recorded")).toHaveLength(1);
  });

  it("is idempotent: a retried delivery of the same event writes no second row", async () => {
    const { result } = await engineFor(t.db).execute({ events: [event] });
    expect(result).toMatchObject({ created: false });
    const rows = await listEvents(t.db, { organizationId: null });
    expect(rows.filter((row) => row.action === "test.recorded")).toHaveLength(1);
  });
});

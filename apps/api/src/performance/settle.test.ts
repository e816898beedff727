import { createPerformanceProfile, startPerformanceResult } from "@meshplane/db/queries";
import { createOrganization, createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleResult } from "./settle";

describe("settling a running result when it is read", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  async function running(deadlineAt: Date) {
    const { organization } = await createOrganization(t.db);
    const profile = await createPerformanceProfile(t.db, {
      organizationId: organization.id,
      name: "p",
      endpoints: ["http://127.0.0.1:9/"],
    });
    return startPerformanceResult(t.db, {
      organizationId: organization.id,
      profileId: profile.id,
      name: "r",
      runnerResults: { plan: { durationMs: 1000, deadlineAt: deadlineAt.toISOString() } },
    });
  }

  it("leaves a run within its deadline running", async () => {
    const row = await running(new Date(Date.now() + 60_000));
    expect((await settleResult(t.db, row)).status).toBe("running");
  });

  it("ends a run past its deadline as errored, saying it stopped reporting, once", async () => {
    const row = await running(new Date(Date.now() - 1_000));
    const settled = await settleResult(t.db, row);
    expect(settled.status).toBe("errored");
    expect(settled.error).toMatch(/stopped reporting/);
    expect(settled.finishedAt).not.toBeNull();
    // Settling again (another reader with the stale row) changes nothing.
    const again = await settleResult(t.db, row);
    expect(again.status).toBe("errored");
    expect(again.finishedAt?.getTime()).toBe(settled.finishedAt?.getTime());
  });
});

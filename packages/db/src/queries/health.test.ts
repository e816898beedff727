import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/index";
import { checkDatabase } from "./health";

describe("checkDatabase", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("reports the server version and the migrations applied", async () => {
    const health = await checkDatabase(t.db);
    expect(health.ok).toBe(true);
    expect(health.serverVersion).toMatch(/^\d+/);
    expect(health.migrations).toBeGreaterThan(0);
  });
});

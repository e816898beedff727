import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { listEvents, recordEvent, rowsOf } from "../queries/index";
import { createTestDb, startWsProxy, type TestDb, tcpTargetOf, type WsProxy } from "../testing/index";
import { createNeonPoolDb, type NeonPoolDb } from "./neon-pool";

// Neon's driver needs a real PostgreSQL server behind the proxy: PGlite has no TCP port.
describe("Neon WebSocket pool against a real PostgreSQL server", () => {
  let t: TestDb;
  let proxy: WsProxy;
  let neon: NeonPoolDb;
  beforeAll(async () => {
    t = await createTestDb();
    proxy = await startWsProxy(tcpTargetOf(t.url ?? ""));
    neon = createNeonPoolDb(t.url ?? "", { wsProxy: proxy.address, webSocketConstructor: WebSocket });
  });
  afterAll(async () => {
    await neon?.close();
    await proxy?.close();
    await t?.close();
  });

  it("runs queries and transactions through the proxy", async () => {
    const result = await neon.db.execute(sql`select current_database() as name`);
    expect(rowsOf<{ name: string }>(result)[0]?.name).toBe(new URL(t.url ?? "").pathname.slice(1));

    await neon.db.transaction(async (tx) => {
      await recordEvent(tx, { actorType: "system", action: "neon.tested", description: "through the proxy" });
    });
    const rows = await listEvents(t.db, { organizationId: null });
    expect(rows.map((r) => r.action)).toContain("neon.tested");
  });
});

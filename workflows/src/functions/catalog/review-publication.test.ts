import { listEvents } from "@meshplane/db/queries";
import { createOrganization, createTestDb, type TestDb } from "@meshplane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInProcessRunner } from "../../in-process";
import { reviewPublicationWith } from "./review-publication";

describe("review-catalog-publication", () => {
  let t: TestDb;
  let organizationId: string;
  beforeAll(async () => {
    t = await createTestDb();
    organizationId = (await createOrganization(t.db)).organization.id;
  });
  afterAll(() => t?.close());

  const requested = (requestId: string) => ({
    name: "catalog/publication.requested" as const,
    data: { requestId, organizationId, designId: crypto.randomUUID(), designName: "redis-cache" },
  });
  const eventsAbout = async (requestId: string) =>
    [
      ...(await listEvents(t.db, { organizationId, limit: 200 })),
      ...(await listEvents(t.db, { organizationId: null, limit: 200 })),
    ].filter((e) => e.resourceId === requestId);

  it("waits for the decision of its own request and records it with the reason", async () => {
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [reviewPublicationWith([60_000])],
      log: () => {},
    });
    const [mine, other] = [crypto.randomUUID(), crypto.randomUUID()];
    await runner.send(requested(mine));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A decision about another request must not wake this one.
    await runner.send({
      name: "catalog/publication.decided",
      data: { requestId: other, organizationId, decision: "approved" },
    });
    await runner.send({
      name: "catalog/publication.decided",
      data: { requestId: mine, organizationId, decision: "denied", reason: "add caveats" },
    });
    await runner.drain(5_000);
    const recorded = await eventsAbout(mine);
    expect(recorded.map((e) => e.action)).toEqual(["catalog.publication_denied"]);
    expect(recorded[0]?.description).toContain("add caveats");
  });

  it("reminds the curators after each silence, then gives up as undecided", async () => {
    const runner = createInProcessRunner({
      db: t.db,
      definitions: [reviewPublicationWith([30, 30])],
      log: () => {},
    });
    const requestId = crypto.randomUUID();
    await runner.send(requested(requestId));
    await runner.drain(5_000);
    const recorded = await eventsAbout(requestId);
    expect(recorded.map((e) => e.action)).toEqual(["catalog.review_reminder", "catalog.review_reminder"]);
  });
});

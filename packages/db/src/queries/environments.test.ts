import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createConnection,
  createEnvironment,
  createOrganization,
  createTestDb,
  type TestDb,
} from "../testing/index";
import {
  addConnectionToEnvironment,
  deleteEnvironment,
  getEnvironment,
  listEnvironmentConnections,
  listEnvironments,
  updateEnvironment,
} from "./environments";

describe("environments", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("creates, lists, updates and deletes environments of one organisation", async () => {
    const { organization } = await createOrganization(t.db);
    const scope = { organizationId: organization.id };
    const staging = await createEnvironment(t.db, { ...scope, name: "staging" });
    await createEnvironment(t.db, { ...scope, name: "production" });
    expect((await listEnvironments(t.db, scope)).map((e) => e.name)).toEqual(["production", "staging"]);

    const updated = await updateEnvironment(t.db, {
      ...scope,
      id: staging.id,
      description: "pre-production",
      metadata: { region: "eu" },
    });
    expect(updated).toMatchObject({
      name: "staging",
      description: "pre-production",
      metadata: { region: "eu" },
    });
    await expect(
      updateEnvironment(t.db, { ...scope, id: staging.id, name: "production" }),
    ).rejects.toMatchObject({
      code: "conflict",
    });

    expect(await deleteEnvironment(t.db, { ...scope, id: staging.id })).toBe(true);
    expect(await getEnvironment(t.db, { ...scope, id: staging.id })).toBeUndefined();
  });

  it("gives another organisation nothing to read, change or delete", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const environment = await createEnvironment(t.db, { organizationId: a.organization.id, name: "prod" });
    const asB = { organizationId: b.organization.id, id: environment.id };
    expect(await getEnvironment(t.db, asB)).toBeUndefined();
    expect(await updateEnvironment(t.db, { ...asB, name: "mine" })).toBeUndefined();
    expect(await deleteEnvironment(t.db, asB)).toBe(false);
    expect((await getEnvironment(t.db, { ...asB, organizationId: a.organization.id }))?.name).toBe("prod");
  });

  it("groups only the organisation's own connections", async () => {
    const a = await createOrganization(t.db);
    const b = await createOrganization(t.db);
    const environment = await createEnvironment(t.db, { organizationId: a.organization.id });
    const ours = await createConnection(t.db, { organizationId: a.organization.id, name: "ours" });
    const theirs = await createConnection(t.db, { organizationId: b.organization.id, name: "theirs" });

    const link = { organizationId: a.organization.id, environmentId: environment.id };
    await addConnectionToEnvironment(t.db, { ...link, connectionId: ours.id });
    await addConnectionToEnvironment(t.db, { ...link, connectionId: ours.id });
    await expect(
      addConnectionToEnvironment(t.db, { ...link, connectionId: theirs.id }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listEnvironmentConnections(t.db, link)).map((c) => c.name)).toEqual(["ours"]);
    expect(
      await listEnvironmentConnections(t.db, {
        organizationId: b.organization.id,
        environmentId: environment.id,
      }),
    ).toEqual([]);
  });
});

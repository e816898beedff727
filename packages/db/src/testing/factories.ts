// Test factories: each test builds its own users and tenants through the real query functions, never a shared seed.
import { randomUUID } from "node:crypto";
import { type Connection, createConnection as insertConnection } from "../queries/connections";
import type { DesignRevision } from "../queries/design-revisions";
import { type Design, createDesign as insertDesign } from "../queries/designs";
import { type Environment, createEnvironment as insertEnvironment } from "../queries/environments";
import { createOrganization as insertOrganization, type MemberOrganization } from "../queries/organizations";
import { type User, upsertUserByEmail } from "../queries/users";
import { createWorkspace as insertWorkspace, type Workspace } from "../queries/workspaces";
import type { ConnectionStatus } from "../schema/connections";
import type { Db } from "../types";

/** Short unique suffix, so names never collide between tests sharing a database. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function createUser(db: Db, overrides: { email?: string; name?: string } = {}): Promise<User> {
  const name = overrides.name ?? uniqueName("user");
  return upsertUserByEmail(db, { email: overrides.email ?? `${name}@example.test`, name });
}

/** An organisation with its owner (created unless given), who is an org admin member. */
export async function createOrganization(
  db: Db,
  overrides: { owner?: User; name?: string; personal?: boolean } = {},
): Promise<{ organization: MemberOrganization; owner: User }> {
  const owner = overrides.owner ?? (await createUser(db));
  const organization = await insertOrganization(db, {
    name: overrides.name ?? uniqueName("org"),
    ownerId: owner.id,
    personal: overrides.personal ?? false,
  });
  return { organization, owner };
}

export function createWorkspace(
  db: Db,
  params: { organizationId: string; name?: string; ownerId?: string },
): Promise<Workspace> {
  return insertWorkspace(db, { ...params, name: params.name ?? uniqueName("workspace") });
}

export function createEnvironment(
  db: Db,
  params: { organizationId: string; name?: string },
): Promise<Environment> {
  return insertEnvironment(db, { ...params, name: params.name ?? uniqueName("environment") });
}

export function createConnection(
  db: Db,
  params: { organizationId: string; name?: string; status?: ConnectionStatus },
): Promise<Connection> {
  return insertConnection(db, {
    kind: "kubernetes",
    type: "platform",
    subType: "orchestrator",
    ...params,
    name: params.name ?? uniqueName("cluster"),
  });
}

export function createDesign(
  db: Db,
  params: { organizationId: string; name?: string; workspaceId?: string; ownerId?: string },
): Promise<{ design: Design; revision: DesignRevision }> {
  return insertDesign(db, {
    ...params,
    name: params.name ?? uniqueName("design"),
    content: { schemaVersion: "designs.meshery.io/v1beta1", components: [], relationships: [] },
  });
}

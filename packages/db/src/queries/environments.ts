// Environments of one organisation (CRUD) and the connections grouped in them.
import { and, asc, eq } from "drizzle-orm";
import { connections } from "../schema/connections";
import { environmentConnections } from "../schema/environment-connections";
import { environments } from "../schema/environments";
import type { Db } from "../types";
import type { Connection } from "./connections";
import { conflictOnDuplicate, DomainError, returnedRow, sqlStateOf } from "./transactions";

export type Environment = typeof environments.$inferSelect;

type Scoped = { organizationId: string; id: string };
type EnvironmentFields = { name: string; description?: string; metadata?: Record<string, unknown> };

const scoped = (params: Scoped) =>
  and(eq(environments.organizationId, params.organizationId), eq(environments.id, params.id));

export async function createEnvironment(
  db: Db,
  params: EnvironmentFields & { organizationId: string; ownerId?: string | null },
): Promise<Environment> {
  const rows = await conflictOnDuplicate(
    db.insert(environments).values(params).returning(),
    `an environment named ${params.name} exists`,
  );
  return returnedRow(rows, "insert into environments");
}

export function listEnvironments(db: Db, params: { organizationId: string }): Promise<Environment[]> {
  return db
    .select()
    .from(environments)
    .where(eq(environments.organizationId, params.organizationId))
    .orderBy(asc(environments.name));
}

export async function getEnvironment(db: Db, params: Scoped): Promise<Environment | undefined> {
  const [row] = await db.select().from(environments).where(scoped(params));
  return row;
}

export async function updateEnvironment(
  db: Db,
  params: Scoped & Partial<EnvironmentFields>,
): Promise<Environment | undefined> {
  const { organizationId: _org, id: _id, ...fields } = params;
  const [row] = await conflictOnDuplicate(
    db.update(environments).set(fields).where(scoped(params)).returning(),
    `an environment named ${params.name} exists`,
  );
  return row;
}

export async function deleteEnvironment(db: Db, params: Scoped): Promise<boolean> {
  const removed = await db.delete(environments).where(scoped(params)).returning({ id: environments.id });
  return removed.length > 0;
}

/** Groups a connection in an environment. Both must belong to the organisation: the foreign keys insist. */
export async function addConnectionToEnvironment(
  db: Db,
  params: { organizationId: string; environmentId: string; connectionId: string },
): Promise<void> {
  try {
    await db.insert(environmentConnections).values(params).onConflictDoNothing();
  } catch (error) {
    // 23503 (foreign key): the environment or the connection is not this organisation's.
    if (sqlStateOf(error) === "23503")
      throw new DomainError("not_found", "environment or connection not found");
    throw error;
  }
}

export async function listEnvironmentConnections(
  db: Db,
  params: { organizationId: string; environmentId: string },
): Promise<Connection[]> {
  const rows = await db
    .select({ connection: connections })
    .from(environmentConnections)
    .innerJoin(connections, eq(connections.id, environmentConnections.connectionId))
    .where(
      and(
        eq(environmentConnections.organizationId, params.organizationId),
        eq(environmentConnections.environmentId, params.environmentId),
      ),
    )
    .orderBy(asc(connections.name));
  return rows.map((row) => row.connection);
}

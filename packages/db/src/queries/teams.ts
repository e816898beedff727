// Teams of one organisation and their members; another organisation's ids find nothing.
import { and, asc, eq } from "drizzle-orm";
import { teamMemberships } from "../schema/team-memberships";
import { teams } from "../schema/teams";
import { users } from "../schema/users";
import type { Db } from "../types";
import { conflictOnDuplicate, DomainError, returnedRow, sqlStateOf } from "./transactions";

export type Team = typeof teams.$inferSelect;
type Scoped = { organizationId: string; id: string };
type TeamFields = { name: string; description?: string; metadata?: Record<string, unknown> };

const scoped = (params: Scoped) =>
  and(eq(teams.organizationId, params.organizationId), eq(teams.id, params.id));

export async function createTeam(
  db: Db,
  params: TeamFields & { organizationId: string; ownerId?: string | null },
): Promise<Team> {
  const rows = await conflictOnDuplicate(
    db.insert(teams).values(params).returning(),
    `a team named ${params.name} exists`,
  );
  return returnedRow(rows, "insert into teams");
}

export function listTeams(db: Db, params: { organizationId: string }): Promise<Team[]> {
  return db
    .select()
    .from(teams)
    .where(eq(teams.organizationId, params.organizationId))
    .orderBy(asc(teams.name));
}

export async function getTeam(db: Db, params: Scoped): Promise<Team | undefined> {
  const [row] = await db.select().from(teams).where(scoped(params));
  return row;
}

export async function updateTeam(db: Db, params: Scoped & Partial<TeamFields>): Promise<Team | undefined> {
  const { organizationId: _org, id: _id, ...fields } = params;
  const [row] = await conflictOnDuplicate(
    db.update(teams).set(fields).where(scoped(params)).returning(),
    `a team named ${params.name} exists`,
  );
  return row;
}

export async function deleteTeam(db: Db, params: Scoped): Promise<boolean> {
  const removed = await db.delete(teams).where(scoped(params)).returning({ id: teams.id });
  return removed.length > 0;
}

/** Adds a member to a team; the foreign keys refuse a team or membership of another organisation. */
export async function addTeamMember(
  db: Db,
  params: { organizationId: string; teamId: string; userId: string },
): Promise<void> {
  try {
    await db.insert(teamMemberships).values(params).onConflictDoNothing();
  } catch (error) {
    if (sqlStateOf(error) === "23503") throw new DomainError("not_found", "team or member not found");
    throw error;
  }
}

export async function removeTeamMember(
  db: Db,
  params: { organizationId: string; teamId: string; userId: string },
): Promise<boolean> {
  const removed = await db
    .delete(teamMemberships)
    .where(
      and(
        eq(teamMemberships.organizationId, params.organizationId),
        eq(teamMemberships.teamId, params.teamId),
        eq(teamMemberships.userId, params.userId),
      ),
    )
    .returning({ id: teamMemberships.id });
  return removed.length > 0;
}

export async function listTeamMembers(
  db: Db,
  params: { organizationId: string; teamId: string },
): Promise<{ userId: string; email: string; name: string | null; roleKeys: string[] }[]> {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, roleKeys: teamMemberships.roleKeys })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(
      and(
        eq(teamMemberships.organizationId, params.organizationId),
        eq(teamMemberships.teamId, params.teamId),
      ),
    )
    .orderBy(asc(users.email));
}

// Members of a team, with their per-team role keys (Meshery's teamsWithRoles).
import { relations } from "drizzle-orm";
import { foreignKey, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { teams } from "./teams";
import { users } from "./users";

export const teamMemberships = pgTable(
  "team_memberships",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    teamId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleKeys: text().array().notNull().default(["user"]),
    ...timestamps,
  },
  (t) => [
    unique().on(t.teamId, t.userId),
    index().on(t.userId),
    foreignKey({
      name: "team_memberships_team_id_tenant_fk",
      columns: [t.teamId, t.organizationId],
      foreignColumns: [teams.id, teams.organizationId],
    }).onDelete("cascade"),
  ],
);

export const teamMembershipsRelations = relations(teamMemberships, ({ one }) => ({
  team: one(teams, { fields: [teamMemberships.teamId], references: [teams.id] }),
  user: one(users, { fields: [teamMemberships.userId], references: [users.id] }),
}));

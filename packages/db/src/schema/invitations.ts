// Invitations to join an organisation, addressed to one email or to a whole email domain.
import { relations, sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { teams } from "./teams";
import { users } from "./users";

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    invitedById: uuid().references(() => users.id, { onDelete: "set null" }),
    email: text(),
    domain: text(),
    roleKey: text().notNull().default("user"),
    teamId: uuid().references(() => teams.id, { onDelete: "set null" }),
    // Only a hash of the invite code is stored; the code itself travels in the email.
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index().on(t.organizationId),
    check("invitations_email_xor_domain", sql`(${t.email} is null) <> (${t.domain} is null)`),
  ],
);

export const invitationsRelations = relations(invitations, ({ one }) => ({
  organization: one(organizations, { fields: [invitations.organizationId], references: [organizations.id] }),
  invitedBy: one(users, { fields: [invitations.invitedById], references: [users.id] }),
  team: one(teams, { fields: [invitations.teamId], references: [teams.id] }),
}));

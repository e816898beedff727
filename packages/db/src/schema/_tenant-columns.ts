// Columns of the named, owned things an organisation keeps (teams, environments, workspaces), and the
// constraints that let link tables prove, by foreign key, that both ends share a tenant.
import { jsonb, type PgColumn, text, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const namedTenantColumns = () => ({
  id: id(),
  organizationId: uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  name: text().notNull(),
  description: text().notNull().default(""),
  ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
  metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  ...timestamps,
});

export const namedTenantConstraints = (t: { id: PgColumn; organizationId: PgColumn; name: PgColumn }) => [
  unique().on(t.organizationId, t.name),
  unique().on(t.id, t.organizationId),
];

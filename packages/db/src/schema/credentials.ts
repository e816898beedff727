// Credentials of connections, stored only encrypted: ciphertext, nonce and the id of the key that sealed them.
import { relations } from "drizzle-orm";
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { organizations } from "./organizations";
import { users } from "./users";

export const credentials = pgTable(
  "credentials",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    // token, basic, aws, kubeconfig...; the secret's fields depend on it.
    type: text().notNull(),
    // Base64 of the AEAD output; the key id lets keys rotate without re-encrypting everything at once.
    secretCiphertext: text().notNull(),
    secretNonce: text().notNull(),
    secretKeyId: text().notNull(),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index().on(t.organizationId)],
);

export const credentialsRelations = relations(credentials, ({ one }) => ({
  organization: one(organizations, { fields: [credentials.organizationId], references: [organizations.id] }),
  owner: one(users, { fields: [credentials.ownerId], references: [users.id] }),
}));

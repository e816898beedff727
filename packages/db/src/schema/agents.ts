// In-cluster agents: one per Kubernetes connection, authenticated by a credential whose hash alone is stored.
import { relations } from "drizzle-orm";
import { foreignKey, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";
import { agentJobs } from "./agent-jobs";
import { connections } from "./connections";
import { organizations } from "./organizations";

export const agents = pgTable(
  "agents",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    connectionId: uuid().notNull().unique(),
    version: text(),
    // The cluster's identity: re-registering the same kube-system namespace UID finds this agent again.
    kubeSystemUid: text().notNull(),
    credentialHash: text().notNull().unique(),
    credentialExpiresAt: timestamp({ withTimezone: true }).notNull(),
    // After a rotation the old credential keeps working briefly, so a lost response does not lock the agent out.
    previousCredentialHash: text().unique(),
    previousCredentialExpiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastHeartbeatAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    unique().on(t.id, t.organizationId),
    unique().on(t.organizationId, t.kubeSystemUid),
    index().on(t.lastHeartbeatAt),
    foreignKey({
      name: "agents_connection_id_tenant_fk",
      columns: [t.connectionId, t.organizationId],
      foreignColumns: [connections.id, connections.organizationId],
    }).onDelete("cascade"),
  ],
);

export const agentsRelations = relations(agents, ({ one, many }) => ({
  organization: one(organizations, { fields: [agents.organizationId], references: [organizations.id] }),
  connection: one(connections, { fields: [agents.connectionId], references: [connections.id] }),
  jobs: many(agentJobs),
}));

// Wire shapes of connections in Meshery's form: Connection, ConnectionPage with its status summary.
import { z } from "@hono/zod-openapi";
import { type Connection, connectionTransitions } from "@meshplane/db/queries";
import { connectionStatuses } from "@meshplane/db/schema";

export const ConnectionStatus = z.enum(connectionStatuses);

export const ConnectionBody = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    kind: z.string(),
    type: z.string(),
    subType: z.string(),
    url: z.string().nullable(),
    status: ConnectionStatus,
    credentialId: z.uuid().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    transitionMap: z.record(
      z.string(),
      z.array(z.object({ nextState: z.string(), description: z.string() })),
    ),
    owner: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Connection");

export const ConnectionPage = z
  .object({
    connections: z.array(ConnectionBody),
    totalCount: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    statusSummary: z.record(z.string(), z.number().int()),
  })
  .openapi("ConnectionPage");

export function toConnection(row: Connection): z.infer<typeof ConnectionBody> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    type: row.type,
    subType: row.subType,
    url: row.url,
    status: row.status,
    credentialId: row.credentialId,
    metadata: row.metadata,
    transitionMap: Object.fromEntries(
      Object.entries(connectionTransitions).map(([from, next]) => [
        from,
        next.map((nextState) => ({ nextState, description: `Move to ${nextState}` })),
      ]),
    ),
    owner: row.ownerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function pageOf(rows: Connection[], page: number, pageSize: number): z.infer<typeof ConnectionPage> {
  const statusSummary: Record<string, number> = {};
  for (const row of rows) statusSummary[row.status] = (statusSummary[row.status] ?? 0) + 1;
  return {
    connections: rows.slice(page * pageSize, (page + 1) * pageSize).map(toConnection),
    totalCount: rows.length,
    page,
    pageSize,
    statusSummary,
  };
}

// A local SQL-over-HTTP endpoint speaking the part of Neon's `/sql` protocol that `neon()` uses, answered by `pg`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";

export type NeonHttpEndpoint = { url: string; close: () => Promise<void> };

type SqlQuery = { query: string; params?: (string | null)[] };
type SqlResult = {
  fields: { name: string; dataTypeID: number }[];
  rows: (string | null)[][];
  command: string;
  rowCount: number | null;
};

// Neon answers every value as PostgreSQL's text output; the client parses it by dataTypeID.
const rawText = { getTypeParser: () => (value: string) => value };

/** PostgreSQL error fields Neon copies into its 400 answer, so the client rebuilds the same error. */
const errorFields = ["severity", "code", "detail", "hint", "position", "schema", "table", "column"] as const;
const isolationLevels = ["ReadUncommitted", "ReadCommitted", "RepeatableRead", "Serializable"];

async function runQuery(client: pg.PoolClient, { query, params }: SqlQuery): Promise<SqlResult> {
  const result = await client.query({ text: query, values: params ?? [], rowMode: "array", types: rawText });
  return {
    fields: result.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })),
    rows: result.rows as (string | null)[][],
    command: result.command,
    rowCount: result.rowCount,
  };
}

async function readJson(request: IncomingMessage): Promise<SqlQuery | { queries: SqlQuery[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export async function startNeonHttpEndpoint(): Promise<NeonHttpEndpoint> {
  const pools = new Map<string, pg.Pool>();
  const poolFor = (connectionString: string): pg.Pool => {
    let pool = pools.get(connectionString);
    if (!pool) {
      pool = new pg.Pool({ connectionString, max: 4 });
      pool.on("error", () => {}); // an idle connection closed by the server is simply replaced
      pools.set(connectionString, pool);
    }
    return pool;
  };

  const server = createServer(async (request, response) => {
    const connectionString = request.headers["neon-connection-string"];
    if (request.method !== "POST" || typeof connectionString !== "string") {
      send(response, 400, { message: "POST with a Neon-Connection-String header expected" });
      return;
    }
    const client = await poolFor(connectionString).connect();
    try {
      const body = await readJson(request);
      if (!("queries" in body)) {
        send(response, 200, await runQuery(client, body));
        return;
      }
      // A batch is one transaction, with the isolation level and access mode the headers ask for.
      const level = String(request.headers["neon-batch-isolation-level"] ?? "ReadCommitted");
      const isolation = isolationLevels.includes(level)
        ? level.replace(/([a-z])([A-Z])/g, "$1 $2")
        : "Read Committed";
      const readOnly = request.headers["neon-batch-read-only"] === "true" ? "read only" : "read write";
      await client.query(`begin isolation level ${isolation} ${readOnly}`);
      try {
        const results: SqlResult[] = [];
        for (const query of body.queries) results.push(await runQuery(client, query));
        await client.query("commit");
        send(response, 200, { results });
      } catch (error) {
        await client.query("rollback");
        throw error;
      }
    } catch (error) {
      const fields = error as Record<string, unknown>;
      const answer: Record<string, unknown> = {
        message: error instanceof Error ? error.message : String(error),
      };
      for (const key of errorFields) if (fields[key] !== undefined) answer[key] = fields[key];
      send(response, 400, answer);
    } finally {
      client.release();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sql`,
    close: async () => {
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await Promise.all([...pools.values()].map((pool) => pool.end()));
    },
  };
}

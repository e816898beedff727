// POST /api/agents/inventory: a batch of inventory deltas from the calling agent, applied in order, idempotently.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { applyInventoryDeltas, getAgent, recordEvent, withTransaction } from "@meshplane/db/queries";
import { isUniqueViolation, uuidFromKey } from "@meshplane/workflows";
import { requireAgent } from "../../auth/agent-guard";
import type { AppEnv } from "../../context";
import { ApiError, openApiErrorResponses } from "../../errors";
import { registerChangedCrds } from "./inventory-crds";
import { agentSecurity } from "./schema";

/** Deltas per batch; the body limit (1 MiB) bounds the bytes. The agent sends fewer. */
export const INVENTORY_MAX_DELTAS = 1_000;

// Kubernetes names and kinds are at most 253 characters; uids are UUIDs, but any short token is accepted.
// PostgreSQL text cannot hold NUL: refused here as a 400 rather than failing the insert.
const noNul = (schema: z.ZodString) =>
  schema.refine((value) => !value.includes("\u0000"), "must not contain NUL characters");
const Name = noNul(z.string().min(1).max(253));
const Uid = noNul(z.string().min(1).max(128));
const ResourceVersion = noNul(z.string().max(64));
const Generation = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** jsonb cannot hold \u0000 either, and a ConfigMap may: such characters become U+FFFD instead of failing the batch. */
function storableJson(object: Record<string, unknown>): Record<string, unknown> {
  if (!JSON.stringify(object).includes("\\u0000")) return object;
  const clean = (value: unknown): unknown => {
    if (typeof value === "string") return value.replaceAll("\u0000", "\ufffd");
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [clean(key), clean(inner)]));
    return value;
  };
  return clean(object) as Record<string, unknown>;
}

const Upsert = z
  .object({
    op: z.literal("upsert"),
    uid: Uid,
    apiVersion: Name,
    kind: Name,
    namespace: noNul(z.string().max(253)).optional(),
    name: Name,
    resourceVersion: ResourceVersion,
    generation: Generation,
    object: z.record(z.string(), z.unknown()).transform(storableJson),
  })
  .strict();
const Keep = z
  .object({ op: z.literal("keep"), uid: Uid, resourceVersion: ResourceVersion, generation: Generation })
  .strict();
const Delete = z.object({ op: z.literal("delete"), uid: Uid }).strict();
const GroupKind = z.object({ group: noNul(z.string().max(253)), kind: Name }).strict();
const Snapshot = GroupKind.extend({ op: z.literal("snapshot"), generation: Generation }).strict();
const Scope = z.object({ op: z.literal("scope"), resources: z.array(GroupKind).max(2_000) }).strict();

const Body = z
  .object({
    deltas: z
      .array(z.discriminatedUnion("op", [Upsert, Keep, Delete, Snapshot, Scope]))
      .max(INVENTORY_MAX_DELTAS),
  })
  .strict()
  .openapi("InventoryDeltas", {
    description:
      "upsert: an object's stripped state; keep: unchanged (at the stated resourceVersion) at a new snapshot generation; delete: gone; " +
      "snapshot: a full list of (group, kind) ended at `generation`, so its objects not reported at it are gone; " +
      "scope: the kinds watched at all.",
  });

const Answer = z
  .object({
    applied: z.number().int(),
    missing: z.array(z.string()).openapi({ description: "Kept uids the API does not hold: send them again" }),
    refused: z.array(z.string()).openapi({
      description:
        "Uids of new objects not stored: the connection's inventory is full. Sending them again changes nothing until objects go",
    }),
  })
  .openapi("InventoryDeltasApplied");

const route = createRoute({
  method: "post",
  path: "/api/agents/inventory",
  tags: ["agents"],
  summary: "Report changes to the cluster's inventory",
  security: agentSecurity,
  request: { body: { content: { "application/json": { schema: Body } }, required: true } },
  responses: {
    200: { description: "Applied", content: { "application/json": { schema: Answer } } },
    ...openApiErrorResponses,
  },
});

export const registerReportInventory = (app: OpenAPIHono<AppEnv>) =>
  app.openapi(route, async (c) => {
    const actor = await requireAgent(c);
    const { deltas } = c.req.valid("json");
    const agent = await getAgent(c.var.db, { organizationId: actor.organizationId, id: actor.agentId });
    if (!agent) throw new ApiError({ code: "UNAUTHORIZED", message: "The agent no longer exists" });
    const scope = { organizationId: actor.organizationId, connectionId: agent.connectionId };
    // One transaction with the registry models the CRDs imply: a retried batch redoes both or neither.
    const applied = await withTransaction(c.var.db, async (tx) => {
      const result = await applyInventoryDeltas(tx, {
        ...scope,
        deltas,
        maxObjects: c.var.inventoryMaxObjects,
      });
      if (result.changedCrds.length > 0) {
        const { skipped } = await registerChangedCrds(tx, scope, result.changedCrds);
        if (skipped.length > 0)
          console.warn(`inventory: ${skipped.length} CRD(s) not turned into components`);
      }
      return result;
    });
    if (applied.refused.length > 0) await warnInventoryFull(c.var.db, scope, c.var.inventoryMaxObjects);
    return c.json({ applied: deltas.length, missing: applied.missing, refused: applied.refused }, 200);
  });

/** One warning per connection per day that its inventory is full, however many batches find it so. */
async function warnInventoryFull(
  db: Parameters<typeof recordEvent>[0],
  scope: { organizationId: string; connectionId: string },
  maxObjects: number,
) {
  const day = new Date().toISOString().slice(0, 10);
  try {
    await recordEvent(db, {
      id: await uuidFromKey(`inventory-full:${scope.connectionId}:${day}`),
      organizationId: scope.organizationId,
      actorType: "system",
      action: "connection.inventory_full",
      severity: "warning",
      resourceType: "connection",
      resourceId: scope.connectionId,
      description: `The cluster's inventory holds its limit of ${maxObjects.toLocaleString("en")} objects: newer objects are not stored until others go`,
      metadata: { maxObjects },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

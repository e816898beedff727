// Wire shapes of the inventory browser: objects as the agent reported them, and opaque page cursors.
import { z } from "@hono/zod-openapi";
import type { InventoryCursor, InventoryObject } from "@meshplane/db/queries";
import { ApiError } from "../../errors";

export const ConnectionParam = z.object({ id: z.uuid() });

export const InventoryObjectBody = z
  .object({
    uid: z.string(),
    apiVersion: z.string(),
    kind: z.string(),
    namespace: z.string().openapi({ description: "Empty for cluster-scoped objects" }),
    name: z.string(),
    labels: z.record(z.string(), z.string()),
    resourceVersion: z.string(),
    updatedAt: z.string(),
    object: z.record(z.string(), z.unknown()).openapi({
      description: "The object without managedFields or the last-applied annotation; Secrets carry keys only",
    }),
  })
  .openapi("InventoryObject");

export function toInventoryObject(row: InventoryObject): z.infer<typeof InventoryObjectBody> {
  return {
    uid: row.uid,
    apiVersion: row.apiVersion,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    labels: row.labels,
    resourceVersion: row.resourceVersion,
    updatedAt: row.updatedAt.toISOString(),
    object: row.object,
  };
}

const CursorShape = z.object({
  kind: z.string().max(253),
  namespace: z.string().max(253),
  name: z.string().max(253),
  uid: z.string().max(128),
});

export const encodeCursor = (cursor: InventoryCursor) =>
  btoa(JSON.stringify(cursor)).replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");

export function decodeCursor(text: string): InventoryCursor {
  try {
    const parsed = CursorShape.safeParse(JSON.parse(atob(text.replaceAll("-", "+").replaceAll("_", "/"))));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the refusal below.
  }
  throw new ApiError({ code: "BAD_REQUEST", message: "cursor: not a cursor this API returned" });
}

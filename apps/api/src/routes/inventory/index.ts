// Mounts the inventory browser: what each cluster's agent reported, read by the organisation's members.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { registerInventoryKinds } from "./kinds";
import { registerListInventory } from "./list";

export function registerInventoryRoutes(app: OpenAPIHono<AppEnv>): void {
  // Kinds first: "/inventory/kinds" must not be read as a page request with a stray segment.
  registerInventoryKinds(app);
  registerListInventory(app);
}

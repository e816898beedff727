// Owns the inventory's settings from the environment: which resources, how often to resync.
import { z } from "zod";
import { DEFAULT_EXCLUDED } from "./watch-set";

export interface InventorySettings {
  enabled: boolean;
  exclude: string[];
  include: string[] | undefined;
  resyncMs: number;
  pageSize: number;
}

const list = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9.-]+)?$/, "entries look like plural or plural.group")),
  );

const schema = z.object({
  AGENT_INVENTORY: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  // Replaces the default list (events, leases, endpoints...) when set; "" is treated as unset.
  AGENT_INVENTORY_EXCLUDE: list.optional(),
  AGENT_INVENTORY_INCLUDE: list.optional(),
  AGENT_INVENTORY_RESYNC_SECONDS: z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(60, "must be at least 60").max(86_400, "must be at most 86400"))
    .default(1_800),
  AGENT_INVENTORY_PAGE_SIZE: z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(10, "must be at least 10").max(5_000, "must be at most 5000"))
    .default(500),
});

export function parseInventoryEnv(
  source: Record<string, string | undefined>,
): { ok: true; settings: InventorySettings } | { ok: false; problems: string[] } {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).flatMap((name) => {
      const value = source[name]?.trim();
      return value ? [[name, value]] : [];
    }),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const env = parsed.data;
  return {
    ok: true,
    settings: {
      enabled: env.AGENT_INVENTORY === "on",
      exclude: env.AGENT_INVENTORY_EXCLUDE ?? [...DEFAULT_EXCLUDED],
      include: env.AGENT_INVENTORY_INCLUDE,
      resyncMs: env.AGENT_INVENTORY_RESYNC_SECONDS * 1000,
      pageSize: env.AGENT_INVENTORY_PAGE_SIZE,
    },
  };
}

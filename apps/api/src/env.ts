// The API's environment, validated: the only module that reads process.env or the Worker's bindings.
import { fileURLToPath } from "node:url";
import { z } from "zod";

// An empty variable means unset, as shells and .env files write it.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string");

const inngestKeys = {
  INNGEST_EVENT_KEY: optional(z.string()),
  INNGEST_SIGNING_KEY: optional(z.string()),
  INNGEST_SIGNING_KEY_FALLBACK: optional(z.string()),
  INNGEST_BASE_URL: optional(z.url()),
  INNGEST_DEV: optional(z.enum(["0", "1", "true", "false"])),
};

const flag = optional(z.enum(["0", "1", "true", "false"])).transform((value) =>
  value === undefined ? undefined : value === "1" || value === "true",
);

export const WorkerEnv = z.object({
  DATABASE_URL: postgresUrl,
  MESHPLANE_INTERNAL_SECRET: z.string().min(32, "at least 32 characters"),
  MESHPLANE_ENCRYPTION_KEY: z.string().min(1),
  MESHPLANE_PUBLIC_URL: z.url(),
  MESHPLANE_WEB_URL: z.url(),
  // Workers are the production mode: the development sign-in may only be absent or off.
  MESHPLANE_PROVIDER_ADMINS: optional(z.string()),
  MESHPLANE_DEV_SIGN_IN: flag.refine((on) => on !== true, {
    message: "the development sign-in cannot be enabled in production",
  }),
  /** `host:port/path` of a WebSocket-to-TCP proxy, so Neon's driver reaches a plain PostgreSQL locally. */
  NEON_WS_PROXY: optional(z.string()),
  ...inngestKeys,
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

export const NodeEnv = z.object({
  API_PORT: optional(z.coerce.number().int().min(0).max(65535)).transform((port) => port ?? 8787),
  /** 127.0.0.1 by default: the one-machine mode has a development login. 0.0.0.0 to serve a network. */
  API_HOST: optional(z.union([z.ipv4(), z.ipv6(), z.literal("localhost")])).transform(
    (host) => host ?? "127.0.0.1",
  ),
  DATABASE_URL: optional(postgresUrl),
  MESHPLANE_DATA_DIR: optional(z.string()).transform(
    (dir) => dir ?? fileURLToPath(new URL("../../../.data/pglite", import.meta.url).href),
  ),
  NODE_ENV: optional(z.string()),
  MESHPLANE_INTERNAL_SECRET: optional(z.string()),
  MESHPLANE_ENCRYPTION_KEY: optional(z.string()),
  /** Where the one-machine mode keeps the secrets it generates when the two above are unset. */
  MESHPLANE_SECRETS_FILE: optional(z.string()).transform(
    (file) => file ?? fileURLToPath(new URL("../../../.data/secrets.json", import.meta.url).href),
  ),
  MESHPLANE_PUBLIC_URL: optional(z.url()),
  MESHPLANE_WEB_URL: optional(z.url()),
  WEB_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  MESHPLANE_DEV_SIGN_IN: flag,
  MESHPLANE_PROVIDER_ADMINS: optional(z.string()),
  /** The one-machine mode publishes the team's designs to the catalog on start unless this is false. */
  MESHPLANE_SEED_CATALOG: flag,
  /** Objects one cluster connection's inventory may hold; new ones past it are not stored. */
  MESHPLANE_INVENTORY_MAX_OBJECTS: optional(z.coerce.number().int().min(1).max(100_000_000)),
  ...inngestKeys,
});
export type NodeEnv = z.infer<typeof NodeEnv>;

export function readNodeEnv(source: Record<string, string | undefined> = process.env): NodeEnv {
  const parsed = NodeEnv.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Issue paths and messages only: never the values, which may be secrets. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

export function inngestKeysOf(env: NodeEnv | WorkerEnv) {
  return {
    ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
    ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
    ...(env.INNGEST_SIGNING_KEY_FALLBACK ? { signingKeyFallback: env.INNGEST_SIGNING_KEY_FALLBACK } : {}),
    ...(env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}),
    ...(env.INNGEST_DEV ? { isDev: env.INNGEST_DEV === "1" || env.INNGEST_DEV === "true" } : {}),
  };
}

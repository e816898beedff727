// Owns the agent's configuration: the only place that reads and validates environment variables.
import { z } from "zod";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AgentConfig {
  meshplaneUrl: string;
  bootstrapToken: string | undefined;
  healthPort: number;
  healthHost: string;
  shutdownTimeoutMs: number;
  logLevel: LogLevel;
  /** Where the result queue and the record of applied jobs live; survives restarts on a volume. */
  stateDir: string;
  /** "secret" keeps the credential in a Secret of the agent's namespace; "file" under stateDir (tests). */
  credentialStore: "secret" | "file";
  namespace: string;
  /** Path of a kubeconfig; unset means in-cluster (the ServiceAccount), as in a real install. */
  kubeconfig: string | undefined;
  /** Extra CA bundle for the Meshplane API (a TLS-intercepting proxy, a private CA). */
  caFile: string | undefined;
  /** NODE_EXTRA_CA_CERTS: Node trusts it by default, but an explicit CA list would drop it, so it is re-added. */
  extraCaFile: string | undefined;
  httpsProxy: string | undefined;
  httpProxy: string | undefined;
  noProxy: string | undefined;
}

export type EnvResult = { ok: true; config: AgentConfig } | { ok: false; problems: string[] };

// Digits only: Number("") is 0 and Number("1e3") is 1000, both too lenient for a port or a timeout.
function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(
      z.number().min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`),
    );
}

// Keys are the variable names so each problem line names what the operator must fix.
const schema = z.object({
  MESHPLANE_URL: z.url({
    protocol: /^https?$/,
    error: (issue) => (issue.input === undefined ? "is required" : "must be an http:// or https:// URL"),
  }),
  MESHPLANE_BOOTSTRAP_TOKEN: z.string().optional(),
  AGENT_HEALTH_PORT: wholeNumber(0, 65_535).default(8080),
  AGENT_HEALTH_HOST: z.string().default("0.0.0.0"),
  AGENT_SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 3_600_000).default(10_000),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  AGENT_STATE_DIR: z.string().default("/var/lib/meshplane-agent"),
  AGENT_CREDENTIAL_STORE: z.enum(["secret", "file"], { error: "must be secret or file" }).default("secret"),
  POD_NAMESPACE: z.string().default("meshplane-agent"),
  KUBECONFIG: z.string().optional(),
  MESHPLANE_CA_FILE: z.string().optional(),
  NODE_EXTRA_CA_CERTS: z.string().optional(),
  // Both spellings: curl and Go read either, and operators set whichever their platform documents.
  HTTPS_PROXY: z.string().optional(),
  https_proxy: z.string().optional(),
  HTTP_PROXY: z.string().optional(),
  http_proxy: z.string().optional(),
  NO_PROXY: z.string().optional(),
  no_proxy: z.string().optional(),
});

type EnvName = keyof typeof schema.shape;
const ENV_NAMES = Object.keys(schema.shape) as EnvName[];

export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  // Helm templates often render unset values as "", which should mean "not set", not "invalid".
  const picked: Partial<Record<EnvName, string>> = {};
  for (const name of ENV_NAMES) {
    const value = source[name]?.trim();
    if (value) picked[name] = value;
  }

  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    // Only the path and our own messages: issues never carry the input unless asked, so secrets stay out.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`);
    return { ok: false, problems };
  }

  const env = parsed.data;
  return {
    ok: true,
    config: {
      meshplaneUrl: env.MESHPLANE_URL,
      bootstrapToken: env.MESHPLANE_BOOTSTRAP_TOKEN,
      healthPort: env.AGENT_HEALTH_PORT,
      healthHost: env.AGENT_HEALTH_HOST,
      shutdownTimeoutMs: env.AGENT_SHUTDOWN_TIMEOUT_MS,
      logLevel: env.LOG_LEVEL,
      stateDir: env.AGENT_STATE_DIR,
      credentialStore: env.AGENT_CREDENTIAL_STORE,
      namespace: env.POD_NAMESPACE,
      kubeconfig: env.KUBECONFIG,
      caFile: env.MESHPLANE_CA_FILE,
      extraCaFile: env.NODE_EXTRA_CA_CERTS,
      httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
      httpProxy: env.HTTP_PROXY ?? env.http_proxy,
      noProxy: env.NO_PROXY ?? env.no_proxy,
    },
  };
}

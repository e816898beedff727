// The web server's configuration, read from the environment in this one place.
import { resolve } from "node:path";
import { z } from "zod";

const flag = z.enum(["1", "0", "true", "false", "yes", "no", "on", "off"]).transform((value) => {
  return value === "1" || value === "true" || value === "yes" || value === "on";
});

const schema = z.object({
  NODE_ENV: z.string().optional(),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  API_URL: z.url().optional(),
  NEXT_PUBLIC_API_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  MESHPLANE_INTERNAL_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  MESHPLANE_SECRETS_FILE: z.string().optional(),
  AUTH_URL: z.url().optional(),
  AUTH_TRUST_HOST: flag.optional(),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().optional(),
  MESHPLANE_DEV_SIGN_IN: flag.optional(),
});

export type OAuthClient = { clientId: string; clientSecret: string };
export type OidcIssuer = OAuthClient & { issuer: string; name: string };

export type AuthEnv = {
  /** Set when the deployment provides it; otherwise both secrets come from the API's secrets file. */
  secret?: string;
  internalSecret?: string;
  secretsFile: string;
  url?: string;
  trustHost: boolean;
  devSignIn: boolean;
  github?: OAuthClient;
  google?: OAuthClient;
  oidc?: OidcIssuer;
};

export type WebEnv = { apiUrl: string; publicApiUrl: string; auth: AuthEnv };

// The API writes this file at boot in the one-machine mode. The web always runs with apps/web as its
// working directory (npm workspaces and start.mjs see to it); import.meta.url is not usable once bundled.
const defaultSecretsFile = (cwd: string) => resolve(cwd, "../../.data/secrets.json");

export function readEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!result.success) throw new Error(`Invalid web environment: ${describeIssues(result.error)}`);
  const parsed = result.data;
  const apiUrl = trimSlash(parsed.API_URL ?? `http://127.0.0.1:${parsed.API_PORT}`);
  // Links are followed by the user's browser, which reaches a loopback API as localhost.
  const publicApiUrl = trimSlash(parsed.NEXT_PUBLIC_API_URL ?? apiUrl.replace("//127.0.0.1", "//localhost"));
  return { apiUrl, publicApiUrl, auth: readAuth(parsed) };
}

function readAuth(parsed: z.infer<typeof schema>): AuthEnv {
  // `next start` sets NODE_ENV=production even on one machine, so a missing AUTH_SECRET (secrets shared
  // through the API's file) marks the one-machine mode, where the development sign-in stays on by default.
  const oneMachine = parsed.AUTH_SECRET === undefined;
  const devSignIn = parsed.MESHPLANE_DEV_SIGN_IN ?? (oneMachine || parsed.NODE_ENV !== "production");
  const oidcName = parsed.AUTH_OIDC_NAME ?? "Single sign-on";
  return {
    ...(parsed.AUTH_SECRET ? { secret: parsed.AUTH_SECRET } : {}),
    ...(parsed.MESHPLANE_INTERNAL_SECRET ? { internalSecret: parsed.MESHPLANE_INTERNAL_SECRET } : {}),
    secretsFile: parsed.MESHPLANE_SECRETS_FILE ?? defaultSecretsFile(process.cwd()),
    ...(parsed.AUTH_URL ? { url: trimSlash(parsed.AUTH_URL) } : {}),
    // Without AUTH_URL, Auth.js builds its URLs from the Host header: trusted on one machine and in development.
    trustHost:
      parsed.AUTH_TRUST_HOST ??
      (parsed.AUTH_URL !== undefined || oneMachine || parsed.NODE_ENV !== "production"),
    devSignIn,
    ...pair("github", "AUTH_GITHUB_ID", parsed.AUTH_GITHUB_ID, parsed.AUTH_GITHUB_SECRET),
    ...pair("google", "AUTH_GOOGLE_ID", parsed.AUTH_GOOGLE_ID, parsed.AUTH_GOOGLE_SECRET),
    ...oidcOf(parsed, oidcName),
  };
}

function pair(
  key: "github" | "google",
  idName: string,
  clientId: string | undefined,
  clientSecret: string | undefined,
): Partial<Record<"github" | "google", OAuthClient>> {
  if (clientId === undefined && clientSecret === undefined) return {};
  if (!clientId || !clientSecret) {
    const secretName = idName.replace(/_ID$/, "_SECRET");
    throw new Error(`Invalid web environment: ${idName} and ${secretName} must be set together`);
  }
  return { [key]: { clientId, clientSecret } };
}

function oidcOf(parsed: z.infer<typeof schema>, name: string): { oidc?: OidcIssuer } {
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_ID: clientId, AUTH_OIDC_SECRET: clientSecret } = parsed;
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) return {};
  if (!issuer || !clientId || !clientSecret)
    throw new Error(
      "Invalid web environment: AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
    );
  // The issuer stays as written: discovery compares it byte for byte with the one the issuer announces.
  return { oidc: { issuer, clientId, clientSecret, name } };
}

/** Names and messages only: the values may be secrets. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

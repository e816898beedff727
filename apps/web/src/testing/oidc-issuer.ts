// A real OpenID Connect provider on loopback (the oidc-provider package) with one client and one account.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./processes";

export type TestAccount = { login: string; email: string; name: string };

export type OidcIssuer = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Errors the provider reported (bad requests, failed token exchanges), for a failing test to show. */
  errors: string[];
  close: () => Promise<void>;
};

export async function startOidcIssuer(options: {
  redirectUri: string;
  account: TestAccount;
}): Promise<OidcIssuer> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "meshplane-web";
  const clientSecret = randomBytes(24).toString("base64url");
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // Only the test account exists: another login fails the sign-in, as with a real issuer.
    findAccount: async (_ctx, id) =>
      id === options.account.login
        ? {
            accountId: id,
            claims: () => ({
              sub: id,
              email: options.account.email,
              email_verified: true,
              name: options.account.name,
            }),
          }
        : undefined,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    jwks: { keys: [{ ...signingKey, kid: "test-key", alg: "RS256", use: "sig" }] },
    // Explicit lifetimes, in seconds: the defaults work but print a notice each.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    // The built-in login and consent screens: what the browser fills in.
    features: { devInteractions: { enabled: true } },
  });
  const errors: string[] = [];
  for (const event of ["server_error", "authorization.error", "grant.error", "userinfo.error"])
    provider.on(event, (_ctx, error) => errors.push(`${event}: ${(error as Error).message}`));
  const server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

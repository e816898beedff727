// The web server's long-lived collaborators, built once from the environment at first use.
import { createInternalApi, type InternalApi } from "./auth/internal-api";
import { createSecretsReader, type WebSecrets } from "./auth/secrets";
import { readEnv, type WebEnv } from "./env";

export type ServerContext = {
  env: WebEnv;
  secrets: () => Promise<WebSecrets>;
  internalApi: InternalApi;
};

let built: ServerContext | undefined;

/** Lazy, so `next build` never needs the runtime's secrets and a bad env fails the request, loudly. */
export function serverContext(): ServerContext {
  if (built) return built;
  const env = readEnv();
  const secrets = createSecretsReader(env.auth);
  const internalApi = createInternalApi({
    apiUrl: env.apiUrl,
    internalSecret: async () => (await secrets()).internalSecret,
  });
  built = { env, secrets, internalApi };
  return built;
}

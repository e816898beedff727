// The web app's Auth.js instance: database sessions kept by the API, providers from the environment.
import NextAuth, { type NextAuthConfig } from "next-auth";
import { createHttpAdapter } from "./auth/http-adapter";
import { configuredProviders } from "./auth/providers";
import { serverContext } from "./server-context";

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const { env, secrets, internalApi } = serverContext();
  // Resolved per request (and cached): in the one-machine mode the API writes the secret at its boot.
  const { authSecret } = await secrets();
  const config: NextAuthConfig = {
    secret: authSecret,
    trustHost: env.auth.trustHost,
    adapter: createHttpAdapter(internalApi),
    session: { strategy: "database" },
    providers: configuredProviders(env.auth),
    pages: { signIn: "/sign-in", error: "/sign-in" },
  };
  return config;
});

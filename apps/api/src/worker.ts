// The Cloudflare Workers entry: validates the bindings, then serves the app with a Neon pool per request.
import { createNeonPoolDb } from "@meshplane/db/client/neon-pool";
import { createInngestClient, inngestSender } from "@meshplane/workflows";
import { type App, newApp } from "./app";
import { checkAuthConfig, parseEmailList } from "./auth/config";
import { describeIssues, inngestKeysOf, WorkerEnv } from "./env";
import { apiVersion } from "./version";

// Bindings are fixed for an isolate's life, so the app is built once per bindings object.
let built: { bindings: unknown; app: App } | undefined;

function appFor(bindings: unknown, env: WorkerEnv): App {
  if (built && built.bindings === bindings) return built.app;
  const inngest = createInngestClient(inngestKeysOf(env));
  const workflows = inngestSender(inngest);
  const app = newApp({
    info: { version: apiVersion, runtime: "workerd", mode: "distributed" },
    services: () => {
      // A Workers socket cannot outlive its request, so each request gets its own pool, ended after it.
      const pool = createNeonPoolDb(
        env.DATABASE_URL,
        env.NEON_WS_PROXY ? { wsProxy: env.NEON_WS_PROXY } : {},
      );
      return { db: pool.db, workflows, inngest, release: pool.close };
    },
    auth: {
      internalSecret: env.MESHPLANE_INTERNAL_SECRET,
      encryptionKey: env.MESHPLANE_ENCRYPTION_KEY,
      publicUrl: env.MESHPLANE_PUBLIC_URL.replace(/\/+$/, ""),
      webUrl: env.MESHPLANE_WEB_URL.replace(/\/+$/, ""),
      devSignIn: false,
      providerAdmins: parseEmailList(env.MESHPLANE_PROVIDER_ADMINS),
    },
  });
  built = { bindings, app };
  return app;
}

export default {
  fetch(request, bindings, ctx) {
    const parsed = WorkerEnv.safeParse(bindings);
    const problems = parsed.success
      ? checkAuthConfig({
          internalSecret: parsed.data.MESHPLANE_INTERNAL_SECRET,
          encryptionKey: parsed.data.MESHPLANE_ENCRYPTION_KEY,
          publicUrl: "",
          webUrl: "",
          devSignIn: false,
        })
      : [describeIssues(parsed.error)];
    if (!parsed.success || problems.length > 0) {
      console.error(`invalid Worker environment: ${problems.join("; ")}`);
      const requestId = `req_${crypto.randomUUID().replaceAll("-", "")}`;
      return Response.json(
        { error: { code: "BAD_ENVIRONMENT", message: "The server is misconfigured", requestId } },
        { status: 500, headers: { "X-Request-Id": requestId } },
      );
    }
    return appFor(bindings, parsed.data).fetch(request, bindings, ctx);
  },
} satisfies ExportedHandler<Record<string, unknown>>;

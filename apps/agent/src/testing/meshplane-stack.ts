// Owns the real Meshplane API for agent tests: createTestApp with the agent routes, served over loopback HTTP.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { registerAgentRoutes } from "@meshplane/api/src/routes/agents/index";
import { createTestApp, type TestApp } from "@meshplane/api/src/testing/app";
import { bearer, type SignedIn, signIn } from "@meshplane/api/src/testing/identity";

export interface MeshplaneStack {
  url: string;
  ctx: TestApp;
  orgId: string;
  user: SignedIn;
  bootstrapToken(): Promise<string>;
  /** Answers matching requests with 503, as a load balancer in front of a failing API would. */
  refuse(predicate: ((request: Request) => boolean) | undefined): void;
  /** Stops listening (dropping open requests), then listens again on the same port after `downMs`. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startMeshplaneStack(): Promise<MeshplaneStack> {
  const ctx = await createTestApp();
  registerAgentRoutes(ctx.app);
  const user = await signIn(ctx);
  let refusing: ((request: Request) => boolean) | undefined;
  const fetch = (request: Request) =>
    refusing?.(request)
      ? new Response(
          JSON.stringify({
            error: { code: "SERVICE_UNAVAILABLE", message: "refused by the test", requestId: "t" },
          }),
          {
            status: 503,
            headers: { "content-type": "application/json" },
          },
        )
      : ctx.app.fetch(request);

  const listen = (port: number) =>
    new Promise<Server>((resolve) => {
      const server = serve({ fetch, port, hostname: "127.0.0.1" }, () => resolve(server as Server)) as Server;
    });
  const shut = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  let server = await listen(0);
  const { port } = server.address() as AddressInfo;
  let running = true;

  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    orgId: user.personalOrgId,
    user,
    async bootstrapToken() {
      const res = await ctx.app.request("/api/agents/bootstrap-tokens", {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(user.jwt) },
        body: JSON.stringify({ orgId: user.personalOrgId, name: "test-cluster" }),
      });
      return ((await res.json()) as { token: string }).token;
    },
    refuse(predicate) {
      refusing = predicate;
    },
    async restart(downMs) {
      await shut(server);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await listen(port);
    },
    async stop() {
      if (running) await shut(server);
      running = false;
    },
    async close() {
      if (running) await shut(server);
      running = false;
      await ctx.close();
    },
  };
}

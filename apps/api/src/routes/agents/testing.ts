// Test helpers for the agent channel: an app with the agent routes mounted, and an installed agent.
import { createTestApp, type TestApp } from "../../testing/app";
import { bearer, type SignedIn } from "../../testing/identity";
import { registerAgentRoutes } from "./index";

export async function createAgentTestApp(): Promise<TestApp> {
  const ctx = await createTestApp();
  registerAgentRoutes(ctx.app);
  return ctx;
}

export function postJson(ctx: TestApp, path: string, body: unknown, token?: string): Promise<Response> {
  return Promise.resolve(
    ctx.app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) },
      body: JSON.stringify(body),
    }),
  );
}

export const clusterFacts = () => ({
  kubeSystemUid: crypto.randomUUID(),
  kubernetesVersion: "v1.34.1",
  nodeCount: 3,
  agentVersion: "0.1.0",
});

export async function bootstrapToken(ctx: TestApp, user: SignedIn, name?: string): Promise<string> {
  const res = await postJson(
    ctx,
    "/api/agents/bootstrap-tokens",
    { orgId: user.personalOrgId, name },
    user.jwt,
  );
  if (res.status !== 201) throw new Error(`bootstrap token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export type Registered = {
  agentId: string;
  connectionId: string;
  organizationId: string;
  credential: string;
};

export async function installAgent(
  ctx: TestApp,
  user: SignedIn,
  facts = clusterFacts(),
): Promise<Registered> {
  const token = await bootstrapToken(ctx, user);
  const res = await postJson(ctx, "/api/agents/register", { bootstrapToken: token, ...facts });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (await res.json()) as Registered;
}

export const SHOP_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  colour: blue
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;

/** Imports the shop manifests as a design of the user's personal organisation; returns its id. */
export async function importShopDesign(ctx: TestApp, user: SignedIn): Promise<string> {
  const res = await postJson(
    ctx,
    "/api/designs/import",
    { orgId: user.personalOrgId, content: SHOP_MANIFESTS, name: "shop" },
    user.jwt,
  );
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { design: { id: string } }).design.id;
}

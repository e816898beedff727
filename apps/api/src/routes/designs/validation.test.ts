// Import and save check components against the Kubernetes model: unknown kinds and misfitting fields answer 422.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../packages/design/src/fixtures/${name}`, import.meta.url), "utf8");

type Imported = {
  design: { id: string; design: { components: { component: { kind: string; version: string } }[] } };
  warnings: { message: string }[];
};
type Component = {
  component: { kind: string; version: string };
  configuration: Record<string, unknown> & { metadata: { name: string } };
};

const deployment = (kind = "Deployment", replicas: unknown = 2) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
  namespace: shop
spec:
  replicas: ${JSON.stringify(replicas)}
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: ghcr.io/example/web:1.0.0
`;

const namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";

describe("designs: components checked against the Kubernetes model", () => {
  let ctx: TestApp;
  let user: SignedIn;
  const call = (method: string, path: string, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { ...bearer(user.jwt), "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const importText = (content: string, extra: Record<string, unknown> = {}) =>
    call("POST", "/api/designs/import", { orgId: user.personalOrgId, content, ...extra });
  const refusal = async (response: Response) => {
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("UNPROCESSABLE_ENTITY");
    expect(body.error.requestId).toBeTruthy();
    return body.error.message;
  };
  /** The evaluated design also holds the Container alias and the added Namespace: find the Deployment. */
  const webOf = (design: { components: Component[] }) => {
    const index = design.components.findIndex((c) => c.component.kind === "Deployment");
    expect(index).toBeGreaterThanOrEqual(0);
    return { index, web: design.components[index] as Component };
  };
  const importedDesign = async (content: string) => {
    const response = await importText(content);
    expect(response.status).toBe(201);
    return ((await response.json()) as Imported).design;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    user = await signIn(ctx);
  });
  afterAll(() => ctx.close());

  describe("importing manifests", () => {
    it("refuses a misspelt kind, naming its document and line and the kind it meant", async () => {
      const message = await refusal(await importText(`${namespace}---\n${deployment("Deploymnet")}`));
      // Document 2 starts on line 6, after the separator; its kind is on line 7.
      expect(message).toContain(
        'document 2, line 7: components[1] Deploymnet "web": apps/v1 has no kind Deploymnet in Kubernetes v1.34.0; did you mean apps/v1 Deployment?',
      );
    });

    it("refuses a kind at a removed version, inside a List, pointing at its item", async () => {
      const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: { name: web, namespace: shop }
    spec: { selector: { app: web }, ports: [{ port: 80 }] }
  - apiVersion: extensions/v1beta1
    kind: Ingress
    metadata: { name: web, namespace: shop }
    spec: { backend: { serviceName: web, servicePort: 80 } }
`;
      const message = await refusal(await importText(`${namespace}---\n${list}`));
      expect(message).toContain(
        'document 2, line 14: components[2] Ingress "web": Kubernetes v1.34.0 does not serve Ingress at extensions/v1beta1; it is served at networking.k8s.io/v1',
      );
    });

    it("refuses a field its schema refuses, at the field's line, and lists every issue with the total", async () => {
      const message = await refusal(
        await importText(
          `${deployment("Deployment", "three")}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: 1}\n`,
        ),
      );
      expect(message).toContain("2 components' kinds or fields do not fit the Kubernetes model");
      expect(message).toContain(
        'document 1, line 7: components[0] Deployment "web": spec.replicas: expected integer, got string "three"',
      );
      expect(message).toContain(
        'document 2, line 21: components[1] ConfigMap "c": data.a: expected string, got integer 1',
      );
    });

    it("accepts core v1 kinds beside custom resources of any group, the latter as warned custom resources", async () => {
      const response = await importText(`apiVersion: v1
kind: Pod
metadata: { name: box, namespace: shop }
spec: { containers: [{ name: app, image: nginx }] }
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: web-tls, namespace: shop }
spec: { secretName: web-tls, dnsNames: [shop.example.com], issuerRef: { name: letsencrypt } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec: { parentRefs: [{ name: edge }] }
`);
      expect(response.status).toBe(201);
      const body = (await response.json()) as Imported;
      expect(body.design.design.components.map((c) => c.component.kind).sort()).toEqual(
        expect.arrayContaining(["Certificate", "HTTPRoute", "Pod"]),
      );
      expect(body.warnings.map((w) => w.message).join("\n")).toMatch(/cert-manager\.io\/v1 Certificate/);
    });
  });

  describe("importing a Meshery design and a Compose file", () => {
    it("refuses a Meshery design whose component names a kind Kubernetes lacks, at its line", async () => {
      const design = fixture("meshery-exported-design.yaml").replace(
        "      version: apps/v1\n      kind: Deployment\n",
        "      version: apps/v1\n      kind: Deploymnet\n",
      );
      expect(design).toContain("kind: Deploymnet");
      const message = await refusal(await importText(design));
      expect(message).toMatch(
        /line 106: components\[0\] Deploymnet "[^"]+": .*did you mean apps\/v1 Deployment\?/,
      );
    });

    it("imports Meshery's own export and a Compose file, whose components all fit their schemas", async () => {
      const meshery = await importedDesign(fixture("meshery-exported-design.yaml"));
      expect(meshery.design.components.map((c) => c.component.kind)).toContain("Deployment");
      const compose = await call("POST", "/api/designs/import", {
        orgId: user.personalOrgId,
        content: fixture("shop-compose.yaml"),
        filename: "compose.yaml",
      });
      expect(compose.status).toBe(201);
    });
  });

  describe("saving", () => {
    it("refuses a design whose field does not fit, naming the component, the field and its pointer", async () => {
      const imported = await importedDesign(deployment());
      const design = structuredClone(imported.design) as unknown as { components: Component[] };
      const { index, web } = webOf(design);
      (web.configuration.spec as Record<string, unknown>).replicas = "three";
      const message = await refusal(
        await call("POST", "/api/designs", { orgId: user.personalOrgId, design }),
      );
      expect(message).toBe(
        `The design's components do not fit the Kubernetes model (1 issue): components[${index}] Deployment "web": spec.replicas: expected integer, got string "three" (at /spec/replicas)`,
      );
    });

    it("refuses an update that renames a kind to one Kubernetes lacks, and keeps the stored revision", async () => {
      const imported = await importedDesign(deployment());
      const design = structuredClone(imported.design) as unknown as { components: Component[] };
      const { index, web } = webOf(design);
      web.component.kind = "Deploymnet";
      const path = `/api/designs/${imported.id}?orgId=${user.personalOrgId}`;
      const message = await refusal(await call("PUT", path, { design }));
      expect(message).toContain(`components[${index}] Deploymnet "web"`);
      expect(message).toMatch(/components\[\d+\] Deploymnet "web": .*did you mean apps\/v1 Deployment\?/);
      const stored = (await (await call("GET", path)).json()) as { revision: number };
      expect(stored.revision).toBe(1);
    });

    it("lists the first 50 issues and gives the total", async () => {
      const imported = await importedDesign(deployment());
      const design = structuredClone(imported.design) as unknown as { components: Component[] };
      const template = webOf(design).web;
      design.components = Array.from({ length: 60 }, (_, i) => {
        const copy = structuredClone(template) as Component & { id: string };
        copy.id = crypto.randomUUID();
        copy.configuration.metadata.name = `web-${i}`;
        (copy.configuration.spec as Record<string, unknown>).replicas = "three";
        copy.configuration.metadata = { ...copy.configuration.metadata, labels: { tier: 1 } } as never;
        return copy;
      });
      const message = await refusal(
        await call("POST", "/api/designs", { orgId: user.personalOrgId, design }),
      );
      expect(message).toMatch(
        /^The design's components do not fit the Kubernetes model \(120 issues, the first 50 listed\): /,
      );
      expect(message.match(/\(at \//g)).toHaveLength(50);
    });

    it("answers hostile kinds with the envelope, never a 5xx", async () => {
      const imported = await importedDesign(deployment());
      const cases: [string, string][] = [
        ["apps/v1", "constructor"],
        ["v1", "__proto__"],
        ["", "Deployment"],
        ["apps/v1/extra", "Deployment"],
        ["extensions/v1beta1", "x".repeat(5000)],
      ];
      for (const [version, kind] of cases) {
        const design = structuredClone(imported.design) as unknown as { components: Component[] };
        Object.assign(webOf(design).web.component, { version, kind });
        const response = await call("POST", "/api/designs", { orgId: user.personalOrgId, design });
        expect(response.status, `${version} ${kind.slice(0, 20)}`).toBe(422);
        expect(((await response.json()) as ErrorBody).error.code).toBe("UNPROCESSABLE_ENTITY");
      }
    });
  });

  it("reports configuration issues at the evaluate endpoint instead of refusing", async () => {
    const imported = await importedDesign(deployment());
    const design = structuredClone(imported.design) as unknown as { components: Component[] };
    webOf(design).web.component.kind = "Deploymnet";
    const response = await ctx.app.request("/api/registry/relationships/evaluate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ design }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      validation: { valid: boolean; total: number; issues: { code: string; suggestion?: string }[] };
    };
    expect(body.validation).toMatchObject({
      valid: false,
      total: 1,
      issues: [{ code: "unknown-kind", suggestion: "apps/v1 Deployment" }],
    });
  });
});

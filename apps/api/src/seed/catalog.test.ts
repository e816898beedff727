import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/app";
import { type SeedDesign, seedCatalog } from "./catalog";

const seeds: SeedDesign[] = [
  {
    slug: "hello-web",
    name: "Hello web",
    description: "A small web server behind a Service, in its own namespace.",
    type: "Workloads",
    technology: ["kubernetes"],
    caveats: "None",
    manifests: `apiVersion: v1
kind: Namespace
metadata: {name: hello}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: hello}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: hello}
spec: {selector: {app: web}, ports: [{port: 80}]}
`,
  },
];

describe("seeding the catalog", () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it("publishes the seed designs once as official entries with their relationships", async () => {
    expect(await seedCatalog(ctx.t.db, seeds)).toBe(1);
    expect(await seedCatalog(ctx.t.db, seeds)).toBe(0);
    const page = (await (await ctx.app.request("/api/catalog/designs?search=hello")).json()) as {
      entries: { id: string; name: string; class: string; componentKinds: string[] }[];
    };
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ name: "Hello web", class: "official" });
    const entry = (await (await ctx.app.request(`/api/catalog/designs/${page.entries[0]?.id}`)).json()) as {
      design: { relationships: { kind: string; subType: string }[] };
    };
    expect(entry.design.relationships.length).toBeGreaterThan(0);
  });
});

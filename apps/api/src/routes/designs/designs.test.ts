import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../packages/design/src/fixtures/${name}`, import.meta.url), "utf8");

type DesignResponse = {
  id: string;
  name: string;
  revision: number;
  contentHash: string;
  sourceType: string;
  design: {
    components: {
      id: string;
      displayName: string;
      component: { kind: string };
      configuration: Record<string, unknown>;
    }[];
    relationships: { kind: string; subType: string }[];
  };
};

describe("designs: import, revisions, diff, restore, export", () => {
  let ctx: TestApp;
  let user: SignedIn;
  const call = (method: string, path: string, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: { ...bearer(user.jwt), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const importText = async (content: string, extra: Record<string, unknown> = {}) =>
    call("POST", "/api/designs/import", { orgId: user.personalOrgId, content, ...extra });

  beforeAll(async () => {
    ctx = await createTestApp();
    user = await signIn(ctx);
  });
  afterAll(() => ctx.close());

  it("imports manifests, evaluates their relationships and keeps the source", async () => {
    const response = await importText(fixture("three-tier.yaml"), { name: "three-tier" });
    expect(response.status).toBe(201);
    const { design, format } = (await response.json()) as { design: DesignResponse; format: string };
    expect(format).toBe("kubernetes-manifests");
    expect(design.sourceType).toBe("Kubernetes Manifest");
    expect(design.revision).toBe(1);
    expect(design.design.components.length).toBeGreaterThanOrEqual(14);
    expect(design.design.relationships.length).toBeGreaterThan(0);
    const kinds = new Set(design.design.relationships.map((r) => `${r.kind}/${r.subType}`));
    expect(kinds.size).toBeGreaterThan(1);
  });

  it("imports a Compose file as Deployments, Services and claims", async () => {
    const response = await importText(fixture("shop-compose.yaml"), { filename: "compose.yaml" });
    const body = (await response.json()) as { design: DesignResponse; format: string; warnings: unknown[] };
    expect([response.status, body.format]).toEqual([201, "docker-compose"]);
    const kinds = body.design.design.components.map((c) => c.component.kind);
    expect(kinds).toEqual(expect.arrayContaining(["Deployment", "Service", "PersistentVolumeClaim"]));
  });

  it("saves revisions, diffs two of them, restores an old one and exports manifests in apply order", async () => {
    const created = (await (await importText(fixture("three-tier.yaml"), { name: "history" })).json()) as {
      design: DesignResponse;
    };
    const id = created.design.id;
    const q = `?orgId=${user.personalOrgId}`;
    const edited = structuredClone(created.design.design);
    const removed = edited.components.find((c) => c.component.kind === "CronJob");
    edited.components = edited.components.filter((c) => c !== removed);
    const saved = await call("PUT", `/api/designs/${id}${q}`, {
      design: edited,
      message: "drop the cron job",
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as DesignResponse).revision).toBe(2);

    const diff = (await (await call("GET", `/api/designs/${id}/diff${q}&from=1&to=2`)).json()) as {
      components: { removed: { kind: string }[]; added: unknown[] };
    };
    // The cron job goes, and with it the alias component the engine had made for its container.
    expect(diff.components.removed.map((c) => c.kind).sort()).toEqual(["Container", "CronJob"]);
    expect(diff.components.added).toEqual([]);

    const restored = await call("POST", `/api/designs/${id}/revisions/1/restore${q}`);
    const after = (await restored.json()) as DesignResponse;
    expect([restored.status, after.revision, after.contentHash]).toEqual([
      200,
      3,
      created.design.contentHash,
    ]);
    const history = (await (await call("GET", `/api/designs/${id}/revisions${q}`)).json()) as {
      revisions: { number: number; message: string }[];
    };
    expect(history.revisions.map((r) => [r.number, r.message])).toEqual([
      [3, "Restored revision 1"],
      [2, "drop the cron job"],
      [1, "Imported from kubernetes-manifests"],
    ]);

    const exported = await call("GET", `/api/designs/${id}/export${q}&format=manifests`);
    expect(exported.headers.get("content-disposition")).toContain("history.manifests.yaml");
    const text = await exported.text();
    const order = [...text.matchAll(/^kind: (\w+)/gm)].map((m) => m[1]);
    expect(order[0]).toBe("Namespace");
    expect(order.indexOf("ServiceAccount")).toBeLessThan(order.indexOf("Deployment"));
    const listed = (await (await call("GET", `/api/designs${q}&search=histo`)).json()) as {
      designs: { id: string }[];
    };
    expect(listed.designs.map((d) => d.id)).toEqual([id]);
    expect((await call("DELETE", `/api/designs/${id}${q}`)).status).toBe(204);
    expect((await call("GET", `/api/designs/${id}${q}`)).status).toBe(404);
  });

  it("evaluates deterministically at the registry endpoint: the same design, the same hash", async () => {
    const created = (await (await importText(fixture("three-tier.yaml"))).json()) as {
      design: DesignResponse;
    };
    const shuffled = structuredClone(created.design.design);
    shuffled.components.reverse();
    const hashes = [];
    for (const design of [created.design.design, shuffled]) {
      const response = await ctx.app.request("/api/registry/relationships/evaluate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ design }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { hash: string; actions: unknown[]; trace: unknown };
      expect(body.trace).toBeTypeOf("object");
      hashes.push(body.hash);
    }
    expect(hashes[0]).toBe(hashes[1]);
  });

  it.each([
    ["invalid YAML", "apiVersion: v1\nkind: [unclosed\n", 422],
    [
      "a YAML bomb",
      `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join("\n")}\n`,
      422,
    ],
    [
      "duplicate names",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
      422,
    ],
    ["binary data", "\u0000\u0001\u0002\u00ff PNG", 422],
    ["a scalar", "just a sentence", 422],
    ["a Helm chart", "apiVersion: v2\nname: mychart\nversion: 0.1.0\n", 422],
  ])("answers %s with the envelope", async (_, content, status) => {
    const response = await importText(
      content,
      content.startsWith("apiVersion: v2") ? { filename: "Chart.yaml" } : {},
    );
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("UNPROCESSABLE_ENTITY");
    expect(body.error.message.length).toBeGreaterThan(10);
  });

  it("names the document and line of a bad manifest, and says Helm is not supported yet", async () => {
    const bad = await importText(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n",
    );
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/document 2, line \d+/);
    const helm = await importText("apiVersion: v2\nname: mychart\nversion: 0.1.0\n", {
      filename: "Chart.yaml",
    });
    expect(((await helm.json()) as ErrorBody).error.message).toMatch(/not supported yet/);
  });

  it("refuses 50 MB, private URLs, another tenant's design and a malformed design", async () => {
    const huge = await importText("x".repeat(50 * 1024 * 1024));
    expect(huge.status).toBe(413);
    for (const url of [
      "http://127.0.0.1:8787/x.yaml",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/a",
      "file:///etc/passwd",
    ]) {
      const response = await call("POST", "/api/designs/import", { orgId: user.personalOrgId, url });
      expect([400, 422]).toContain(response.status);
    }
    const mine = (await (await importText(fixture("three-tier.yaml"))).json()) as { design: DesignResponse };
    const other = await signIn(ctx);
    const peek = await ctx.app.request(`/api/designs/${mine.design.id}?orgId=${other.personalOrgId}`, {
      headers: bearer(other.jwt),
    });
    expect(peek.status).toBe(404);
    const malformed = await call("POST", "/api/designs", {
      orgId: user.personalOrgId,
      design: { components: "nope" },
    });
    expect(malformed.status).toBe(422);
    expect(((await malformed.json()) as ErrorBody).error.message).toMatch(/components/);
  });
});

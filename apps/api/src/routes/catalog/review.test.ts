import { readFileSync } from "node:fs";
import { createWorkspace } from "@meshplane/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type ErrorBody, type TestApp, testAuthConfig } from "../../testing/app";
import { bearer, type SignedIn, signIn } from "../../testing/identity";

const manifests = readFileSync(
  new URL("../../../../../packages/design/src/fixtures/three-tier.yaml", import.meta.url),
  "utf8",
);

describe("catalog publication: request, deny with reason, edit, request, approve, unpublish", () => {
  let ctx: TestApp;
  let author: SignedIn;
  let curator: SignedIn;
  let stranger: SignedIn;
  const curatorEmail = `curator-${crypto.randomUUID()}@meshplane.test`;
  const call = (who: SignedIn | null, method: string, path: string, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: {
        ...(who ? bearer(who.jwt) : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    ctx = await createTestApp({ auth: testAuthConfig({ providerAdmins: [curatorEmail] }) });
    [author, curator, stranger] = [await signIn(ctx), await signIn(ctx, curatorEmail), await signIn(ctx)];
  });
  afterAll(() => ctx.close());

  it("walks the whole review and checks who may do each step", async () => {
    const q = `?orgId=${author.personalOrgId}`;
    const imported = await call(author, "POST", "/api/designs/import", {
      orgId: author.personalOrgId,
      content: manifests,
      name: "three-tier shop",
    });
    const design = ((await imported.json()) as { design: { id: string; design: Record<string, unknown> } })
      .design;
    const requestsPath = `/api/designs/${design.id}/publication-requests${q}`;

    const first = await call(author, "POST", requestsPath, {
      type: "Workloads",
      caveats: "Needs an ingress controller",
    });
    expect(first.status).toBe(201);
    const firstId = ((await first.json()) as { id: string }).id;
    expect((await call(author, "POST", requestsPath, { type: "Workloads" })).status).toBe(409);

    // Neither the author nor someone else may decide; anonymous may not even look.
    expect((await call(author, "POST", `/api/catalog/requests/${firstId}/approve`)).status).toBe(403);
    expect(
      (await call(stranger, "POST", `/api/catalog/requests/${firstId}/deny`, { reason: "spam" })).status,
    ).toBe(403);
    expect((await call(null, "GET", "/api/catalog/requests")).status).toBe(401);
    const queue = (await (await call(curator, "GET", "/api/catalog/requests")).json()) as {
      requests: { id: string }[];
    };
    expect(queue.requests.map((r) => r.id)).toContain(firstId);

    // The curator sees the design as it was asked to be published, whatever organisation holds it.
    const detail = await call(curator, "GET", `/api/catalog/requests/${firstId}`);
    expect(detail.status).toBe(200);
    const reviewed = (await detail.json()) as {
      designName: string;
      revisionNumber: number;
      caveats: string;
      design: { components: { component: { kind: string } }[] };
    };
    expect(reviewed).toMatchObject({
      designName: "three-tier shop",
      revisionNumber: 1,
      caveats: "Needs an ingress controller",
    });
    expect(reviewed.design.components.map((c) => c.component.kind)).toContain("StatefulSet");
    expect((await call(author, "GET", `/api/catalog/requests/${firstId}`)).status).toBe(403);
    const unpublished = (await (await call(author, "GET", requestsPath)).json()) as { entry: unknown };
    expect(unpublished.entry).toBeNull();

    const denied = await call(curator, "POST", `/api/catalog/requests/${firstId}/deny`, {
      reason: "Describe the database's backups",
    });
    expect(denied.status).toBe(200);
    const seen = (await (await call(author, "GET", requestsPath)).json()) as {
      requests: { status: string; reason: string }[];
    };
    expect(seen.requests[0]).toMatchObject({ status: "denied", reason: "Describe the database's backups" });

    // The author edits the design and asks again; this time the curator approves.
    expect(
      (
        await call(author, "PUT", `/api/designs/${design.id}${q}`, {
          description: "A shop with nightly backups",
        })
      ).status,
    ).toBe(200);
    const second = await call(author, "POST", requestsPath, {
      type: "Workloads",
      caveats: "Backups go to the cluster's default storage class",
    });
    const secondId = ((await second.json()) as { id: string }).id;
    const approved = await call(curator, "POST", `/api/catalog/requests/${secondId}/approve`);
    expect(approved.status).toBe(200);
    const entry = (await approved.json()) as {
      id: string;
      name: string;
      description: string;
      componentKinds: string[];
    };
    expect(entry).toMatchObject({ name: "three-tier shop", description: "A shop with nightly backups" });
    expect(entry.componentKinds).toEqual(expect.arrayContaining(["Deployment", "Ingress", "StatefulSet"]));
    expect((await call(curator, "POST", `/api/catalog/requests/${secondId}/approve`)).status).toBe(409);
    // The author finds the entry beside the requests, to edit or unpublish it.
    const afterApproval = (await (await call(author, "GET", requestsPath)).json()) as {
      requests: { id: string; status: string }[];
      entry: { id: string; caveats: string } | null;
    };
    expect(afterApproval.requests.map((r) => [r.id, r.status])).toEqual([
      [secondId, "approved"],
      [firstId, "denied"],
    ]);
    expect(afterApproval.entry).toMatchObject({
      id: entry.id,
      caveats: "Backups go to the cluster's default storage class",
    });

    // Anyone can find it, open it and download it.
    const found = (await (
      await call(null, "GET", "/api/catalog/designs?search=shop&type=Workloads")
    ).json()) as {
      entries: { id: string }[];
      facets: { type: { value: string; count: number }[] };
    };
    expect(found.entries.map((e) => e.id)).toContain(entry.id);
    expect(found.facets.type).toContainEqual({ value: "Workloads", count: expect.any(Number) });
    expect((await call(null, "GET", `/api/catalog/designs/${entry.id}`)).status).toBe(200);
    const download = await call(null, "GET", `/api/catalog/designs/${entry.id}/download?format=manifests`);
    expect((await download.text()).startsWith("apiVersion: v1\nkind: Namespace")).toBe(true);

    // Only the publishing organisation edits the catalog fields.
    expect(
      (
        await call(stranger, "PUT", `/api/catalog/designs/${entry.id}?orgId=${stranger.personalOrgId}`, {
          type: "Security",
        })
      ).status,
    ).toBe(403);
    const edited = await call(author, "PUT", `/api/catalog/designs/${entry.id}${q}`, {
      caveats: "Tested on Kubernetes 1.30",
    });
    expect(((await edited.json()) as { caveats: string }).caveats).toBe("Tested on Kubernetes 1.30");

    // Someone else clones it into a workspace of theirs, in one call.
    const workspace = await createWorkspace(ctx.t.db, {
      organizationId: stranger.personalOrgId,
      name: "mine",
    });
    const cloned = await call(stranger, "POST", `/api/catalog/designs/${entry.id}/clone`, {
      orgId: stranger.personalOrgId,
      workspaceId: workspace.id,
    });
    expect(cloned.status).toBe(201);
    const inWorkspace = (await (
      await call(stranger, "GET", `/api/designs?orgId=${stranger.personalOrgId}&workspaceId=${workspace.id}`)
    ).json()) as {
      designs: { name: string }[];
    };
    expect(inWorkspace.designs.map((d) => d.name)).toEqual(["three-tier shop"]);
    const counters = (
      (await (await call(null, "GET", `/api/catalog/designs/${entry.id}`)).json()) as {
        counters: Record<string, number>;
      }
    ).counters;
    expect(counters).toMatchObject({ clones: 1, downloads: 1 });
    expect(counters.views).toBeGreaterThanOrEqual(2);

    // The author unpublishes (Meshery cannot); a stranger may not, and the entry is gone for everyone.
    expect(
      (await call(stranger, "DELETE", `/api/catalog/designs/${entry.id}?orgId=${stranger.personalOrgId}`))
        .status,
    ).toBe(403);
    expect((await call(author, "DELETE", `/api/catalog/designs/${entry.id}${q}`)).status).toBe(204);
    const gone = await call(null, "GET", `/api/catalog/designs/${entry.id}`);
    expect([gone.status, ((await gone.json()) as ErrorBody).error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("answers hostile request ids to the curator with the error envelope", async () => {
    for (const [path, status] of [
      ["/api/catalog/requests/not-a-uuid", 400],
      [`/api/catalog/requests/${crypto.randomUUID()}`, 404],
      [`/api/catalog/requests/${"9".repeat(5000)}`, 400],
    ] as const) {
      const response = await call(curator, "GET", path);
      expect([path.slice(0, 40), response.status]).toEqual([path.slice(0, 40), status]);
      expect(((await response.json()) as ErrorBody).error.code).toMatch(/^[A-Z_]+$/);
    }
  });

  it("records the review in the author's audit log through the workflow", async () => {
    await ctx.workflows.drain(3_000);
    const log = (await (
      await call(author, "GET", `/api/events?orgId=${author.personalOrgId}&limit=200`)
    ).json()) as {
      events: { action: string }[];
    };
    const actions = log.events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "catalog.publication_requested",
        "catalog.publication_denied",
        "catalog.published",
        "catalog.unpublished",
      ]),
    );
  });
});

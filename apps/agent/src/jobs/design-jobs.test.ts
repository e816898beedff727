import { afterEach, describe, expect, it } from "vitest";
import { inventoryName } from "../apply/inventory";
import type { FakeKubeApiServer } from "../testing/fake-kube-apiserver";
import {
  appliedOrder,
  configMap,
  deployment,
  namespace,
  silentLog,
  startCluster,
  widget,
  widgetCrd,
} from "../testing/kube-fixtures";
import { createJobHandlers } from "./handlers";

const fakes: FakeKubeApiServer[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function setup(options = {}) {
  const cluster = await startCluster(options);
  fakes.push(cluster.fake);
  const handlers = createJobHandlers(cluster.kube, silentLog, "default");
  const run = (kind: "deploy" | "undeploy" | "dryRun", payload: Record<string, unknown>) =>
    (handlers[kind] as NonNullable<(typeof handlers)[string]>)(payload, new AbortController().signal, {
      id: crypto.randomUUID(),
    });
  return { ...cluster, run };
}

type Results = {
  objects: {
    kind: string;
    name: string;
    action: string;
    error?: { reason: string; causes: { field?: string }[] };
    changes?: { path: string }[];
  }[];
};
const actions = (result: unknown) =>
  (result as Results).objects.map((o) => `${o.action} ${o.kind}/${o.name}`);

describe("design jobs against the fake API server", () => {
  it("deploys CRDs and Namespaces first, waits for the CRD, labels objects and keeps an inventory", async () => {
    const { fake, run } = await setup({ crdEstablishDelayMs: 300 });
    const objects = [
      configMap("settings", "shop"),
      widget("w1", "shop"),
      widgetCrd,
      namespace("shop"),
      deployment("web", "shop"),
    ];
    const outcome = await run("deploy", { designId: "d-1", designVersion: "3", objects });
    expect(outcome).toMatchObject({ status: "succeeded", error: null });
    expect(appliedOrder(fake)).toEqual([
      "customresourcedefinitions/widgets.example.com",
      "namespaces/shop",
      "configmaps/settings",
      "widgets/w1",
      "deployments/web",
    ]);
    const patches = fake.requests.filter((r) => r.method === "PATCH" && r.query.fieldManager === "meshplane");
    expect(
      patches.every((r) => r.contentType === "application/apply-patch+yaml" && r.query.force === "true"),
    ).toBe(true);
    const stored = fake.store.get(fake.resource("configmaps"), "shop", "settings");
    expect(stored?.metadata.labels).toMatchObject({
      "design.meshery.io/id": "d-1",
      "app.kubernetes.io/managed-by": "meshplane-agent",
    });
    expect(stored?.metadata.annotations).toMatchObject({ "design.meshery.io/version": "3" });
    const inventory = fake.store.get(fake.resource("configmaps"), "default", inventoryName("d-1"));
    expect(JSON.parse(inventory?.data.objects).map((o: { name: string }) => o.name)).toEqual([
      "widgets.example.com",
      "shop",
      "settings",
      "w1",
      "web",
    ]);
  });

  it("prunes what a redeploy no longer has, and leaves objects another design or person recreated", async () => {
    const { fake, run } = await setup();
    await run("deploy", {
      designId: "d-2",
      objects: [namespace("shop"), configMap("old", "shop"), configMap("kept", "shop")],
    });
    const outcome = await run("deploy", {
      designId: "d-2",
      objects: [namespace("shop"), configMap("kept", "shop")],
    });
    expect(actions(outcome.result)).toEqual([
      "configured Namespace/shop",
      "configured ConfigMap/kept",
      "pruned ConfigMap/old",
    ]);
    expect(fake.store.get(fake.resource("configmaps"), "shop", "old")).toBeUndefined();
  });

  it("reports conflicts and immutable fields per object, and prunes nothing after a failure", async () => {
    const { fake, run } = await setup();
    await run("deploy", {
      designId: "d-3",
      objects: [namespace("shop"), deployment("web", "shop", "a"), configMap("extra", "shop")],
    });
    // Someone else took the ConfigMap's data meanwhile.
    await fetch(`${fake.url}/api/v1/namespaces/shop/configmaps/extra?fieldManager=kubectl&force=true`, {
      method: "PATCH",
      headers: { "content-type": "application/apply-patch+yaml" },
      body: JSON.stringify(configMap("extra", "shop", { k: "theirs" })),
    });
    const outcome = await run("deploy", {
      designId: "d-3",
      force: false,
      objects: [namespace("shop"), deployment("web", "shop", "b"), configMap("extra", "shop")],
    });
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/2 of 3 objects failed/);
    const byName = Object.fromEntries((outcome.result as Results).objects.map((o) => [o.name, o]));
    expect(byName.web?.error).toMatchObject({ reason: "Invalid", causes: [{ field: "spec.selector" }] });
    expect(byName.extra?.error).toMatchObject({ reason: "Conflict", causes: [{ field: ".data.k" }] });
  });

  it("dry-runs without changing anything, with per-object changes and the server's causes", async () => {
    const { fake, run } = await setup();
    await run("deploy", { designId: "d-4", objects: [namespace("shop"), deployment("web", "shop", "a", 1)] });
    const before = fake.store.resourceVersion;
    const outcome = await run("dryRun", {
      designId: "d-4",
      objects: [
        namespace("shop"),
        deployment("web", "shop", "a", 3),
        configMap("new", "shop"),
        deployment("api", "nowhere"),
      ],
    });
    expect(fake.store.resourceVersion).toBe(before);
    expect(actions(outcome.result)).toEqual([
      "unchanged Namespace/shop",
      "wouldConfigure Deployment/web",
      "wouldCreate ConfigMap/new",
      "failed Deployment/api",
    ]);
    const web = (outcome.result as Results).objects[1];
    expect(web?.changes?.map((c) => c.path)).toEqual([".spec.replicas"]);
    expect(
      fake.requests
        .filter((r) => r.method === "PATCH" && r.query.fieldManager === "meshplane")
        .every((r) => r.query.dryRun === "All"),
    ).toBe(false);
  });

  it("undeploys in reverse order, keeping Namespaces and CRDs unless asked", async () => {
    const { fake, run } = await setup();
    await run("deploy", {
      designId: "d-5",
      objects: [namespace("shop"), configMap("a", "shop"), deployment("web", "shop")],
    });
    const outcome = await run("undeploy", { designId: "d-5" });
    expect(actions(outcome.result)).toEqual([
      "deleted Deployment/web",
      "deleted ConfigMap/a",
      "kept Namespace/shop",
    ]);
    expect(fake.store.get(fake.resource("namespaces"), undefined, "shop")).toBeDefined();
    expect(fake.store.get(fake.resource("configmaps"), "default", inventoryName("d-5"))).toBeUndefined();
    expect((await run("undeploy", { designId: "d-5" })).result).toEqual({ designId: "d-5", objects: [] });
  });
});

describe("health after apply", () => {
  it("waits for a Deployment to become available, and fails the job when one does not in time", async () => {
    const { fake, run } = await setup();
    const objects = [
      namespace("shop"),
      deployment("web", "shop"),
      deployment("api", "shop"),
      configMap("settings", "shop"),
    ];
    // A controller that makes only "web" available, a moment after it is applied.
    setTimeout(() => {
      const web = fake.store.get(fake.resource("deployments", "apps"), "shop", "web");
      fake.store.setStatus(fake.resource("deployments", "apps"), "shop", "web", {
        observedGeneration: web?.metadata.generation,
        updatedReplicas: 1,
        availableReplicas: 1,
      });
    }, 300);
    const outcome = await run("deploy", { designId: "d-6", objects, healthTimeoutSeconds: 2 });
    expect(outcome.status).toBe("failed");
    const byName = Object.fromEntries((outcome.result as Results).objects.map((o) => [o.name, o]));
    expect(byName.web).toMatchObject({ action: "created", health: "healthy" });
    expect(byName.settings).toMatchObject({ action: "created", health: "healthy" });
    expect(byName.api).toMatchObject({
      action: "created",
      health: "progressing",
      error: { reason: "HealthTimeout" },
    });
    expect(outcome.error).toMatch(/1 of 4 objects failed: Deployment shop\/api: HealthTimeout/);
  });
});

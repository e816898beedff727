// Owns test fixtures for cluster work: a fake API server with a kubeconfig on disk, and sample design objects.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KubeObject } from "../apply/objects";
import { createKubeApi, type KubeApi, loadKubeConfig } from "../kube-api";
import { createLogger } from "../log";
import { type FakeKubeApiServer, type FakeKubeOptions, startFakeKubeApiServer } from "./fake-kube-apiserver";

export const silentLog = createLogger({ level: "error", write: () => {} });

export async function startCluster(
  options: FakeKubeOptions = {},
): Promise<{ fake: FakeKubeApiServer; kube: KubeApi; kubeconfig: string }> {
  const fake = await startFakeKubeApiServer(options);
  const kubeconfig = join(await mkdtemp(join(tmpdir(), "fake-kube-")), "kubeconfig");
  await writeFile(kubeconfig, fake.kubeconfig());
  return { fake, kube: createKubeApi(loadKubeConfig(kubeconfig), { baseMs: 10, capMs: 50 }), kubeconfig };
}

export const namespace = (name: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Namespace",
  metadata: { name },
});

export const configMap = (
  name: string,
  ns: string,
  data: Record<string, string> = { k: "v" },
): KubeObject => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace: ns },
  data,
});

export const deployment = (name: string, ns: string, app = name, replicas = 1): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: ns },
  spec: {
    replicas,
    selector: { matchLabels: { app } },
    template: { metadata: { labels: { app } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
  },
});

export const widgetCrd: KubeObject = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "widgets.example.com" },
  spec: {
    group: "example.com",
    scope: "Namespaced",
    names: { plural: "widgets", kind: "Widget" },
    versions: [{ name: "v1", served: true, storage: true }],
  },
};

export const widget = (name: string, ns: string): KubeObject => ({
  apiVersion: "example.com/v1",
  kind: "Widget",
  metadata: { name, namespace: ns },
  spec: { size: 3 },
});

/** The order the fake received apply requests in, as "Kind/name". */
export function appliedOrder(fake: FakeKubeApiServer, since = 0): string[] {
  return fake.requests
    .slice(since)
    .filter(
      (r) => r.method === "PATCH" && r.query.fieldManager === "meshplane" && r.query.dryRun === undefined,
    )
    .map((r) => r.path.split("/").slice(-2).join("/"));
}

// Owns what the agent tells Meshplane about its cluster: kube-system UID, Kubernetes version, node count.
import { type KubeApi, statusMessage } from "./kube-api";

export interface ClusterIdentity {
  kubeSystemUid: string;
  kubernetesVersion: string;
  nodeCount: number;
}

export async function readClusterFacts(kube: KubeApi): Promise<ClusterIdentity> {
  const namespace = await kube.request("GET", "/api/v1/namespaces/kube-system");
  if (namespace.status !== 200) throw new Error(`cannot read kube-system: ${statusMessage(namespace)}`);
  const version = await kube.request("GET", "/version");
  if (version.status !== 200) throw new Error(`cannot read the server version: ${statusMessage(version)}`);
  return {
    kubeSystemUid: String(namespace.body.metadata.uid),
    kubernetesVersion: String(version.body.gitVersion),
    nodeCount: await countNodes(kube),
  };
}

async function countNodes(kube: KubeApi): Promise<number> {
  let count = 0;
  let next: string | undefined;
  // Paged, and only metadata would do, but a node list is small next to what the inventory reads.
  do {
    const page = await kube.request("GET", "/api/v1/nodes", { query: { limit: 500, continue: next } });
    if (page.status !== 200) throw new Error(`cannot list nodes: ${statusMessage(page)}`);
    count += (page.body.items as unknown[]).length;
    next = page.body.metadata?.continue || undefined;
  } while (next);
  return count;
}

// How each Kubernetes kind sits in the design graph: its tier (row), its colour and its short badge.

export type KindTier = "entry" | "service" | "workload" | "container" | "config" | "policy" | "other";

/** Top to bottom: traffic enters at the top and flows down to the pods and what they read. */
export const tierOrder: readonly KindTier[] = [
  "entry",
  "service",
  "workload",
  "container",
  "config",
  "policy",
  "other",
];

const tierOfKind: Record<string, KindTier> = {
  Ingress: "entry",
  IngressClass: "entry",
  Gateway: "entry",
  HTTPRoute: "entry",
  GRPCRoute: "entry",
  Service: "service",
  Endpoints: "service",
  EndpointSlice: "service",
  Deployment: "workload",
  StatefulSet: "workload",
  DaemonSet: "workload",
  ReplicaSet: "workload",
  ReplicationController: "workload",
  Job: "workload",
  CronJob: "workload",
  Pod: "workload",
  Container: "container",
  ConfigMap: "config",
  Secret: "config",
  PersistentVolumeClaim: "config",
  PersistentVolume: "config",
  StorageClass: "config",
  ServiceAccount: "config",
  Role: "policy",
  RoleBinding: "policy",
  ClusterRole: "policy",
  ClusterRoleBinding: "policy",
  NetworkPolicy: "policy",
  HorizontalPodAutoscaler: "policy",
  PodDisruptionBudget: "policy",
  LimitRange: "policy",
  ResourceQuota: "policy",
};

export function tierOf(kind: string): KindTier {
  return tierOfKind[kind] ?? "other";
}

export function tierRank(kind: string): number {
  return tierOrder.indexOf(tierOf(kind));
}

/** Colours picked to stay legible on both the light and the dark surface. */
export const tierColour: Record<KindTier, string> = {
  entry: "#7c3aed",
  service: "#2563eb",
  workload: "#059669",
  container: "#64748b",
  config: "#d97706",
  policy: "#db2777",
  other: "#6b7280",
};

const badgeOfKind: Record<string, string> = {
  Ingress: "ing",
  Service: "svc",
  Deployment: "deploy",
  StatefulSet: "sts",
  DaemonSet: "ds",
  ReplicaSet: "rs",
  CronJob: "cron",
  Job: "job",
  Pod: "pod",
  Container: "ctr",
  ConfigMap: "cm",
  Secret: "secret",
  PersistentVolumeClaim: "pvc",
  PersistentVolume: "pv",
  ServiceAccount: "sa",
  Role: "role",
  RoleBinding: "rb",
  ClusterRole: "crole",
  ClusterRoleBinding: "crb",
  NetworkPolicy: "netpol",
  Namespace: "ns",
  HorizontalPodAutoscaler: "hpa",
};

/** kubectl's short names where they exist, else the kind's capitals ("MyCustomThing" → "mct"). */
export function badgeOf(kind: string): string {
  const known = badgeOfKind[kind];
  if (known) return known;
  const capitals = kind.replace(/[^A-Z]/g, "").toLowerCase();
  return (capitals || kind.slice(0, 3).toLowerCase()).slice(0, 6);
}

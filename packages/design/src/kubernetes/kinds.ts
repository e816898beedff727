// Facts about Kubernetes kinds that import and export need: which are cluster-scoped, and the apply order.

export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  "APIService",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ComponentStatus",
  "CSIDriver",
  "CSINode",
  "CustomResourceDefinition",
  "FlowSchema",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "RuntimeClass",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
]);

// Things that others refer to come first: definitions, namespaces, identities, configuration, storage,
// permissions, then workloads and what routes or guards them. Kinds not listed (custom resources) go last.
const APPLY_ORDER = [
  "CustomResourceDefinition",
  "Namespace",
  "ResourceQuota",
  "LimitRange",
  "PriorityClass",
  "RuntimeClass",
  "ServiceAccount",
  "Secret",
  "ConfigMap",
  "StorageClass",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "ClusterRole",
  "ClusterRoleBinding",
  "Role",
  "RoleBinding",
  "Service",
  "DaemonSet",
  "Deployment",
  "StatefulSet",
  "ReplicaSet",
  "ReplicationController",
  "Pod",
  "Job",
  "CronJob",
  "HorizontalPodAutoscaler",
  "PodDisruptionBudget",
  "IngressClass",
  "Ingress",
  "NetworkPolicy",
  "APIService",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
];

const rank = new Map(APPLY_ORDER.map((kind, index) => [kind, index]));

export function applyRank(kind: string): number {
  return rank.get(kind) ?? APPLY_ORDER.length;
}

export function isNamespaced(kind: string): boolean {
  return !CLUSTER_SCOPED_KINDS.has(kind);
}

const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  "",
  "admissionregistration.k8s.io",
  "apiextensions.k8s.io",
  "apiregistration.k8s.io",
  "apps",
  "autoscaling",
  "batch",
  "certificates.k8s.io",
  "coordination.k8s.io",
  "discovery.k8s.io",
  "events.k8s.io",
  "flowcontrol.apiserver.k8s.io",
  "networking.k8s.io",
  "node.k8s.io",
  "policy",
  "rbac.authorization.k8s.io",
  "resource.k8s.io",
  "scheduling.k8s.io",
  "storage.k8s.io",
]);

/** Whether an apiVersion (`v1`, `apps/v1`, `example.com/v1`) belongs to Kubernetes itself. */
export function isBuiltInApiVersion(apiVersion: string): boolean {
  const slash = apiVersion.indexOf("/");
  return BUILT_IN_GROUPS.has(slash === -1 ? "" : apiVersion.slice(0, slash));
}

// Catalog design: a team's namespace with compute and object quotas, default container limits and edit rights.
import type { CatalogSeedDesign } from "./types";

export const teamNamespaceQuotas: CatalogSeedDesign = {
  entry: {
    slug: "team-namespace-quotas",
    name: "Team namespace with quotas and limit ranges",
    description:
      "A namespace handed to one team: ResourceQuotas cap its total CPU and memory requests and limits, storage, and object counts (no LoadBalancer or NodePort Services), a LimitRange gives every container default requests and limits and bounds what one container or claim may ask for, and a RoleBinding gives the team's group the built-in edit role there and nowhere else.",
    type: "Resiliency",
    technology: ["kubernetes"],
    class: "official",
    caveats:
      "Size the quotas to the team's share of the cluster: the numbers here suit a small team (16 CPU and 32Gi of requests). Once a compute quota exists, every pod must declare requests and limits; the LimitRange supplies defaults so that older manifests keep working. The group team-payments must match what your identity provider puts in the groups claim. The built-in edit role lets the team read Secrets in its namespace.",
    file: "team-namespace-quotas.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: team-payments
  labels:
    app.kubernetes.io/part-of: team-payments
    team.meshplane.io/name: payments
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/warn: restricted
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team-payments
  labels:
    app.kubernetes.io/part-of: team-payments
spec:
  hard:
    requests.cpu: "16"
    requests.memory: 32Gi
    limits.cpu: "32"
    limits.memory: 48Gi
    requests.ephemeral-storage: 50Gi
    pods: "100"
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: objects
  namespace: team-payments
  labels:
    app.kubernetes.io/part-of: team-payments
spec:
  hard:
    requests.storage: 500Gi
    persistentvolumeclaims: "20"
    services: "30"
    # External exposure goes through the shared ingress controller, not per-team load balancers.
    services.loadbalancers: "0"
    services.nodeports: "0"
    configmaps: "100"
    secrets: "100"
    count/jobs.batch: "50"
    count/cronjobs.batch: "20"
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: team-payments
  labels:
    app.kubernetes.io/part-of: team-payments
spec:
  limits:
    - type: Container
      # Applied to containers that declare nothing, so the compute quota never rejects them.
      defaultRequest:
        cpu: 100m
        memory: 128Mi
      default:
        cpu: 400m
        memory: 512Mi
      min:
        cpu: 10m
        memory: 16Mi
      max:
        cpu: "4"
        memory: 8Gi
    - type: PersistentVolumeClaim
      min:
        storage: 1Gi
      max:
        storage: 100Gi
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: team-payments-edit
  namespace: team-payments
  labels:
    app.kubernetes.io/part-of: team-payments
roleRef:
  apiGroup: rbac.authorization.k8s.io
  # The built-in aggregated role: workloads, services, config and secrets, but no RBAC or quota changes.
  kind: ClusterRole
  name: edit
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: team-payments
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: team-payments-readers-view
  namespace: team-payments
  labels:
    app.kubernetes.io/part-of: team-payments
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: team-payments-readers
`,
};

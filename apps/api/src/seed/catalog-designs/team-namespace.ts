// A namespace handed to a team with guard rails: quotas, default limits and the team's edit rights.
import type { SeedDesign } from "../catalog";

export const teamNamespace: SeedDesign = {
  slug: "team-namespace",
  name: "Team namespace with quotas and limits",
  description:
    "A namespace for one team with a ResourceQuota capping CPU, memory, pods and volume claims, a LimitRange giving containers sensible defaults, the built-in edit role bound to the team's group, and the team's first workload under its own ServiceAccount.",
  type: "Security",
  technology: ["kubernetes"],
  caveats: "The group name must match what your identity provider puts in the team's tokens.",
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: team-checkout
  labels: {team: checkout}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: team-checkout}
spec:
  hard:
    requests.cpu: "8"
    requests.memory: 16Gi
    limits.memory: 32Gi
    pods: "60"
    persistentvolumeclaims: "10"
---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: team-checkout}
spec:
  limits:
    - type: Container
      default: {memory: 512Mi}
      defaultRequest: {cpu: 100m, memory: 128Mi}
      max: {memory: 4Gi}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: checkout-editors, namespace: team-checkout}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
subjects:
  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-checkout}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: checkout, namespace: team-checkout}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: checkout, namespace: team-checkout, labels: {app.kubernetes.io/name: checkout}}
spec:
  replicas: 2
  selector: {matchLabels: {app.kubernetes.io/name: checkout}}
  template:
    metadata: {labels: {app.kubernetes.io/name: checkout}}
    spec:
      serviceAccountName: checkout
      containers:
        - name: checkout
          image: ghcr.io/example/checkout:1.0.0
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
`,
};

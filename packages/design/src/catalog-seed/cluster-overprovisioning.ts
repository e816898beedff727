// Catalog design: spare node capacity held by low-priority placeholder pods that real workloads preempt.
import type { CatalogSeedDesign } from "./types";

export const clusterOverprovisioning: CatalogSeedDesign = {
  entry: {
    slug: "cluster-overprovisioning",
    name: "Cluster overprovisioning with placeholder pods",
    description:
      "Headroom for sudden scale-ups: pause containers with a negative PriorityClass reserve two CPU-and-memory slots across zones. When a real pod needs the room, the scheduler evicts placeholders at once instead of waiting minutes for a new node; the evicted placeholders go pending, and the cluster autoscaler adds a node for them in the background. A ResourceQuota caps how many placeholders can ever run.",
    type: "Scaling",
    technology: ["kubernetes", "cluster-autoscaler"],
    class: "official",
    caveats:
      "Needs a node autoscaler (cluster-autoscaler or Karpenter); without one the placeholders only block capacity. The priority -10 matters: cluster-autoscaler ignores pods below its --expendable-pods-priority-cutoff (default -10) and would never add nodes for them. Size each placeholder like your typical pod burst (here 1 CPU and 2Gi) and scale the Deployment to set the headroom; you pay for the reserved capacity. PriorityClass is cluster-scoped.",
    file: "cluster-overprovisioning.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: overprovisioning
  labels:
    app.kubernetes.io/part-of: overprovisioning
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: overprovisioning
  labels:
    app.kubernetes.io/part-of: overprovisioning
# Below every real workload (default 0), but not below cluster-autoscaler's expendable cutoff.
value: -10
globalDefault: false
# Placeholders never evict anything themselves.
preemptionPolicy: Never
description: Placeholder pods that hold spare capacity and yield it to any real workload.
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: placeholder-pods
  namespace: overprovisioning
  labels:
    app.kubernetes.io/part-of: overprovisioning
spec:
  hard:
    pods: "10"
    requests.cpu: "10"
    requests.memory: 20Gi
  scopeSelector:
    matchExpressions:
      - scopeName: PriorityClass
        operator: In
        values: [overprovisioning]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: capacity-reservation
  namespace: overprovisioning
  labels:
    app.kubernetes.io/name: capacity-reservation
    app.kubernetes.io/part-of: overprovisioning
spec:
  # The headroom: each replica reserves one slot of the size requested below.
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: capacity-reservation
  template:
    metadata:
      labels:
        app.kubernetes.io/name: capacity-reservation
        app.kubernetes.io/part-of: overprovisioning
    spec:
      priorityClassName: overprovisioning
      automountServiceAccountToken: false
      # Yield the room immediately when preempted.
      terminationGracePeriodSeconds: 0
      securityContext:
        runAsNonRoot: true
        runAsUser: 65535
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: capacity-reservation
      containers:
        # pause sleeps forever and serves nothing, so it has no probes.
        - name: pause
          image: registry.k8s.io/pause:3.10
          resources:
            requests:
              cpu: "1"
              memory: 2Gi
            limits:
              memory: 2Gi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
`,
};

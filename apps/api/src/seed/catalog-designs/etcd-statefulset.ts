// A three-member etcd cluster: the canonical StatefulSet with stable names, volumes and a disruption budget.
import type { SeedDesign } from "../catalog";

export const etcdCluster: SeedDesign = {
  slug: "etcd-statefulset",
  name: "Three-member etcd StatefulSet",
  description:
    "A three-member etcd cluster as a StatefulSet with a headless Service for peer discovery, a volume per member and a PodDisruptionBudget that keeps quorum during node drains.",
  type: "Resiliency",
  technology: ["kubernetes", "etcd"],
  caveats: "Peer and client traffic are plain HTTP here; add TLS before storing anything sensitive.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: etcd}
---
apiVersion: v1
kind: Service
metadata: {name: etcd, namespace: etcd}
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector: {app.kubernetes.io/name: etcd}
  ports:
    - {name: client, port: 2379}
    - {name: peer, port: 2380}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: etcd, namespace: etcd, labels: {app.kubernetes.io/name: etcd}}
spec:
  serviceName: etcd
  replicas: 3
  podManagementPolicy: Parallel
  selector: {matchLabels: {app.kubernetes.io/name: etcd}}
  template:
    metadata: {labels: {app.kubernetes.io/name: etcd}}
    spec:
      containers:
        - name: etcd
          image: quay.io/coreos/etcd:v3.5.15
          command: ["etcd"]
          args:
            - --name=$(POD_NAME)
            - --data-dir=/var/lib/etcd
            - --listen-peer-urls=http://0.0.0.0:2380
            - --listen-client-urls=http://0.0.0.0:2379
            - --advertise-client-urls=http://$(POD_NAME).etcd:2379
            - --initial-advertise-peer-urls=http://$(POD_NAME).etcd:2380
            - --initial-cluster=etcd-0=http://etcd-0.etcd:2380,etcd-1=http://etcd-1.etcd:2380,etcd-2=http://etcd-2.etcd:2380
          env:
            - name: POD_NAME
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
          ports: [{containerPort: 2379, name: client}, {containerPort: 2380, name: peer}]
          resources: {requests: {cpu: 200m, memory: 256Mi}, limits: {memory: 512Mi}}
          volumeMounts: [{name: data, mountPath: /var/lib/etcd}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 8Gi}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: etcd, namespace: etcd}
spec:
  minAvailable: 2
  selector: {matchLabels: {app.kubernetes.io/name: etcd}}
`,
};

// A log shipper on every node, including tainted control-plane nodes, reading the node's container logs.
import type { SeedDesign } from "../catalog";

export const logShipper: SeedDesign = {
  slug: "daemonset-logs",
  name: "DaemonSet log shipper",
  description:
    "Fluent Bit on every node as a DaemonSet: it tails container logs from the host, enriches them with pod metadata through a read-only ClusterRole, and tolerates control-plane taints.",
  type: "Observability",
  technology: ["kubernetes", "fluent-bit"],
  caveats: "Mounts /var/log from the host read-only; point the output at your log store before applying.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: logging}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: fluent-bit, namespace: logging}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: fluent-bit-read}
rules:
  - apiGroups: [""]
    resources: [pods, namespaces]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: fluent-bit-read}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: fluent-bit-read}
subjects:
  - {kind: ServiceAccount, name: fluent-bit, namespace: logging}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: fluent-bit-config, namespace: logging}
data:
  fluent-bit.conf: |
    [INPUT]
        Name tail
        Path /var/log/containers/*.log
    [FILTER]
        Name kubernetes
        Match *
    [OUTPUT]
        Name stdout
        Match *
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluent-bit, namespace: logging, labels: {app.kubernetes.io/name: fluent-bit}}
spec:
  selector: {matchLabels: {app.kubernetes.io/name: fluent-bit}}
  template:
    metadata: {labels: {app.kubernetes.io/name: fluent-bit}}
    spec:
      serviceAccountName: fluent-bit
      tolerations:
        - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
      containers:
        - name: fluent-bit
          image: fluent/fluent-bit:3.1
          resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
          volumeMounts:
            - {name: config, mountPath: /fluent-bit/etc}
            - {name: varlog, mountPath: /var/log, readOnly: true}
      volumes:
        - {name: config, configMap: {name: fluent-bit-config}}
        - {name: varlog, hostPath: {path: /var/log}}
`,
};

// Catalog design: node-problem-detector on every node, turning kernel trouble into node conditions and events.
import type { CatalogSeedDesign } from "./types";

export const nodeProblemDetector: CatalogSeedDesign = {
  entry: {
    slug: "node-problem-detector",
    name: "Node problem detector",
    description:
      "node-problem-detector as a DaemonSet: it reads each node's kernel log and reports what it finds where kubectl shows it, as node conditions (KernelDeadlock, ReadonlyFilesystem) for lasting problems and as events (OOM kills, hung tasks, filesystem errors) for passing ones. It also exports the counts as Prometheus metrics. The kernel rules are in a ConfigMap, so new patterns need no new image.",
    type: "Troubleshooting",
    technology: ["kubernetes", "node-problem-detector", "prometheus"],
    class: "official",
    caveats:
      "Reading /dev/kmsg needs a privileged container; the namespace is labelled privileged for Pod Security. Conditions only inform: pair them with remediation (for example the cluster autoscaler or a node-drain controller) to act on them. Managed platforms (GKE, AKS) may already run node-problem-detector; do not run two. Adjust the rules to your kernel's messages: patterns are regular expressions matched against whole lines.",
    file: "node-problem-detector.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: node-health
  labels:
    app.kubernetes.io/part-of: node-health
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: node-problem-detector
  namespace: node-health
  labels:
    app.kubernetes.io/name: node-problem-detector
    app.kubernetes.io/part-of: node-health
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: node-problem-detector
  labels:
    app.kubernetes.io/name: node-problem-detector
    app.kubernetes.io/part-of: node-health
rules:
  - apiGroups: [""]
    resources: [nodes]
    verbs: [get]
  # Conditions are written to the node's status.
  - apiGroups: [""]
    resources: [nodes/status]
    verbs: [patch]
  - apiGroups: ["", events.k8s.io]
    resources: [events]
    verbs: [create, patch, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: node-problem-detector
  labels:
    app.kubernetes.io/name: node-problem-detector
    app.kubernetes.io/part-of: node-health
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: node-problem-detector
subjects:
  - kind: ServiceAccount
    name: node-problem-detector
    namespace: node-health
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: node-problem-detector-config
  namespace: node-health
  labels:
    app.kubernetes.io/name: node-problem-detector
    app.kubernetes.io/part-of: node-health
data:
  kernel-monitor.json: |
    {
      "plugin": "kmsg",
      "logPath": "/dev/kmsg",
      "lookback": "5m",
      "bufferSize": 10,
      "source": "kernel-monitor",
      "metricsReporting": true,
      "conditions": [
        { "type": "KernelDeadlock", "reason": "KernelHasNoDeadlock", "message": "kernel has no deadlock" },
        { "type": "ReadonlyFilesystem", "reason": "FilesystemIsNotReadOnly", "message": "Filesystem is not read-only" }
      ],
      "rules": [
        { "type": "temporary", "reason": "OOMKilling", "pattern": "Killed process [0-9]+ (.+) total-vm:[0-9]+kB, anon-rss:[0-9]+kB, file-rss:[0-9]+kB.*" },
        { "type": "temporary", "reason": "TaskHung", "pattern": "task [^ ]+:[0-9]+ blocked for more than [0-9]+ seconds." },
        { "type": "temporary", "reason": "KernelOops", "pattern": "BUG: unable to handle kernel (NULL pointer dereference|paging request).*" },
        { "type": "temporary", "reason": "Ext4Error", "pattern": "EXT4-fs error .*" },
        { "type": "temporary", "reason": "IOError", "pattern": "Buffer I/O error .*" },
        { "type": "permanent", "condition": "KernelDeadlock", "reason": "ContainerdHung", "pattern": "task containerd:[0-9]+ blocked for more than [0-9]+ seconds." },
        { "type": "permanent", "condition": "ReadonlyFilesystem", "reason": "FilesystemIsReadOnly", "pattern": "Remounting filesystem read-only" }
      ]
    }
---
apiVersion: v1
kind: Service
metadata:
  name: node-problem-detector-metrics
  namespace: node-health
  labels:
    app.kubernetes.io/name: node-problem-detector
    app.kubernetes.io/part-of: node-health
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: node-problem-detector
    app.kubernetes.io/instance: node-health
  ports:
    - name: metrics
      port: 20257
      targetPort: metrics
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-problem-detector
  namespace: node-health
  labels:
    app.kubernetes.io/name: node-problem-detector
    app.kubernetes.io/instance: node-health
    app.kubernetes.io/part-of: node-health
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: node-problem-detector
      app.kubernetes.io/instance: node-health
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: node-problem-detector
        app.kubernetes.io/instance: node-health
        app.kubernetes.io/part-of: node-health
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "20257"
    spec:
      serviceAccountName: node-problem-detector
      priorityClassName: system-node-critical
      # Sick nodes are the point: run on every node, whatever its taints.
      tolerations:
        - operator: Exists
      containers:
        - name: node-problem-detector
          image: registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.20
          command:
            - /node-problem-detector
            - --logtostderr
            - --config.system-log-monitor=/config/kernel-monitor.json
            # Health and condition endpoints on the pod address, so the kubelet can probe them.
            - --address=0.0.0.0
            - --port=20256
            - --prometheus-address=0.0.0.0
            - --prometheus-port=20257
          env:
            # Conditions are reported for the node named here.
            - name: NODE_NAME
              valueFrom:
                fieldRef:
                  fieldPath: spec.nodeName
          ports:
            - name: health
              containerPort: 20256
            - name: metrics
              containerPort: 20257
          resources:
            requests:
              cpu: 20m
              memory: 32Mi
            limits:
              memory: 96Mi
          livenessProbe:
            httpGet:
              path: /healthz
              port: health
            initialDelaySeconds: 10
            periodSeconds: 30
          readinessProbe:
            httpGet:
              path: /healthz
              port: health
            periodSeconds: 15
          securityContext:
            # /dev/kmsg is a host character device.
            privileged: true
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: kmsg
              mountPath: /dev/kmsg
              readOnly: true
            - name: localtime
              mountPath: /etc/localtime
              readOnly: true
            - name: config
              mountPath: /config
              readOnly: true
      volumes:
        - name: kmsg
          hostPath:
            path: /dev/kmsg
            type: CharDevice
        - name: localtime
          hostPath:
            path: /etc/localtime
            type: FileOrCreate
        - name: config
          configMap:
            name: node-problem-detector-config
`,
};

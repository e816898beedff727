// Catalog design: Fluent Bit on every node, tailing container logs and shipping them to Loki with pod metadata.
import type { CatalogSeedDesign } from "./types";

export const logShipperDaemonset: CatalogSeedDesign = {
  entry: {
    slug: "log-shipper-daemonset",
    name: "Fluent Bit log shipper DaemonSet",
    description:
      "A Fluent Bit DaemonSet that runs on every node, control plane and tainted nodes included, tails the container logs under /var/log/containers (CRI and Docker formats), enriches each line with its pod's namespace, labels and name from the Kubernetes API, and ships them to Loki. Read positions and a filesystem buffer live on the node, so restarts neither lose nor repeat logs.",
    type: "Observability",
    technology: ["kubernetes", "fluent-bit", "loki"],
    class: "official",
    caveats:
      'Change the [OUTPUT] section of the ConfigMap fluent-bit-config to your log store (the design sends to loki-gateway.logging.svc on port 80; Elasticsearch, OpenSearch, S3 and others have their own outputs). Fluent Bit runs as root, read-only, to read logs owned by root; restricted Pod Security levels refuse it, so keep the logging namespace at privileged or baseline with an exemption. It tolerates every taint on purpose. Pods can opt out with the annotation fluentbit.io/exclude: "true".',
    file: "log-shipper-daemonset.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: logging
  labels:
    app.kubernetes.io/part-of: logging
    # Host log directories are hostPath volumes, which baseline and restricted forbid.
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: fluent-bit
  namespace: logging
  labels:
    app.kubernetes.io/name: fluent-bit
    app.kubernetes.io/part-of: logging
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: fluent-bit-read-pods
  labels:
    app.kubernetes.io/name: fluent-bit
    app.kubernetes.io/part-of: logging
rules:
  # The kubernetes filter looks up each log line's pod for its labels and namespace.
  - apiGroups: [""]
    resources: [pods, namespaces]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: fluent-bit-read-pods
  labels:
    app.kubernetes.io/name: fluent-bit
    app.kubernetes.io/part-of: logging
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: fluent-bit-read-pods
subjects:
  - kind: ServiceAccount
    name: fluent-bit
    namespace: logging
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: fluent-bit-config
  namespace: logging
  labels:
    app.kubernetes.io/name: fluent-bit
    app.kubernetes.io/part-of: logging
data:
  fluent-bit.conf: |
    [SERVICE]
        Flush                     5
        Log_Level                 info
        Daemon                    off
        Parsers_File              /fluent-bit/etc/parsers.conf
        HTTP_Server               On
        HTTP_Listen               0.0.0.0
        HTTP_Port                 2020
        Health_Check              On
        storage.path              /var/fluent-bit/state/buffer/
        storage.sync              normal
        storage.backlog.mem_limit 16M

    [INPUT]
        Name              tail
        Tag               kube.*
        Path              /var/log/containers/*.log
        # Never ship our own logs: a failing output would feed on itself.
        Exclude_Path      /var/log/containers/fluent-bit-*_logging_*.log
        multiline.parser  cri, docker
        DB                /var/fluent-bit/state/tail.db
        Mem_Buf_Limit     32MB
        Skip_Long_Lines   On
        Refresh_Interval  10
        storage.type      filesystem

    [FILTER]
        Name                kubernetes
        Match               kube.*
        Kube_Tag_Prefix     kube.var.log.containers.
        Merge_Log           On
        Keep_Log            Off
        K8S-Logging.Parser  On
        K8S-Logging.Exclude On
        Labels              On
        Annotations         Off

    [OUTPUT]
        Name         loki
        Match        kube.*
        Host         loki-gateway.logging.svc.cluster.local
        Port         80
        Labels       job=fluent-bit, namespace=$kubernetes['namespace_name'], pod=$kubernetes['pod_name'], container=$kubernetes['container_name']
        Line_Format  json
        Retry_Limit  10
---
apiVersion: v1
kind: Service
metadata:
  name: fluent-bit-metrics
  namespace: logging
  labels:
    app.kubernetes.io/name: fluent-bit
    app.kubernetes.io/part-of: logging
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: fluent-bit
    app.kubernetes.io/instance: logging
  ports:
    - name: http
      port: 2020
      targetPort: http
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluent-bit
  namespace: logging
  labels:
    app.kubernetes.io/name: fluent-bit
    app.kubernetes.io/instance: logging
    app.kubernetes.io/component: log-shipper
    app.kubernetes.io/part-of: logging
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: fluent-bit
      app.kubernetes.io/instance: logging
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 10%
  template:
    metadata:
      labels:
        app.kubernetes.io/name: fluent-bit
        app.kubernetes.io/instance: logging
        app.kubernetes.io/component: log-shipper
        app.kubernetes.io/part-of: logging
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "2020"
        prometheus.io/path: /api/v2/metrics/prometheus
    spec:
      serviceAccountName: fluent-bit
      # A full node must still ship its logs: critical priority keeps the shipper scheduled.
      priorityClassName: system-node-critical
      # Every node, whatever its taints: control plane, GPU, dedicated pools, nodes being drained.
      tolerations:
        - operator: Exists
      terminationGracePeriodSeconds: 30
      containers:
        - name: fluent-bit
          image: cr.fluentbit.io/fluent/fluent-bit:3.2.4
          args: ["--config=/fluent-bit/etc/conf/fluent-bit.conf"]
          ports:
            - name: http
              containerPort: 2020
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /api/v1/health
              port: http
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /
              port: http
            initialDelaySeconds: 10
            periodSeconds: 20
          securityContext:
            # Root to read root-owned log files; nothing else is granted.
            runAsUser: 0
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: config
              mountPath: /fluent-bit/etc/conf
              readOnly: true
            - name: varlog
              mountPath: /var/log
              readOnly: true
            - name: state
              mountPath: /var/fluent-bit/state
      volumes:
        - name: config
          configMap:
            name: fluent-bit-config
        - name: varlog
          hostPath:
            path: /var/log
            type: Directory
        - name: state
          hostPath:
            path: /var/lib/fluent-bit
            type: DirectoryOrCreate
`,
};

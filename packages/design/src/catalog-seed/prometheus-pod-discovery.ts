// Catalog design: a standalone Prometheus that discovers and scrapes annotated pods through the Kubernetes API.
import type { CatalogSeedDesign } from "./types";

export const prometheusPodDiscovery: CatalogSeedDesign = {
  entry: {
    slug: "prometheus-pod-discovery",
    name: "Prometheus with pod discovery",
    description:
      'A single Prometheus 3 server, without the operator or ServiceMonitors: its scrape configuration lives in a ConfigMap and keeps every pod annotated prometheus.io/scrape: "true", honouring the port, path and scheme annotations. A ClusterRole lets it list and watch pods across namespaces; samples stay 15 days on a persistent volume.',
    type: "Observability",
    technology: ["kubernetes", "prometheus"],
    class: "official",
    caveats:
      "Prometheus does not reread its configuration by itself: after editing the ConfigMap, wait for the volume to refresh (up to a minute) and POST to /-/reload (enabled by --web.enable-lifecycle). One replica on a ReadWriteOnce volume means a gap in data during restarts and node failures; run two with Thanos or remote_write for high availability. Storage retention is bounded at 15 days or 18GB, below the 20Gi claim. The server has no authentication: reach it with kubectl port-forward or put an authenticating proxy in front.",
    file: "prometheus-pod-discovery.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels:
    app.kubernetes.io/part-of: monitoring
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: prometheus
  namespace: monitoring
  labels:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/part-of: monitoring
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: prometheus-pod-discovery
  labels:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/part-of: monitoring
rules:
  # Service discovery only: read pods and the objects that name them, nothing else.
  - apiGroups: [""]
    resources: [pods, services, endpoints]
    verbs: [get, list, watch]
  - apiGroups: [discovery.k8s.io]
    resources: [endpointslices]
    verbs: [get, list, watch]
  - nonResourceURLs: [/metrics]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: prometheus-pod-discovery
  labels:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/part-of: monitoring
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: prometheus-pod-discovery
subjects:
  - kind: ServiceAccount
    name: prometheus
    namespace: monitoring
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: prometheus-config
  namespace: monitoring
  labels:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/part-of: monitoring
data:
  prometheus.yml: |
    global:
      scrape_interval: 30s
      scrape_timeout: 10s
      evaluation_interval: 30s
    scrape_configs:
      - job_name: prometheus
        static_configs:
          - targets: ["localhost:9090"]
      - job_name: kubernetes-pods
        kubernetes_sd_configs:
          - role: pod
        relabel_configs:
          # Opt in: only pods annotated prometheus.io/scrape: "true".
          - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
            action: keep
            regex: "true"
          # Pods that have not started or have finished have nothing to serve.
          - source_labels: [__meta_kubernetes_pod_phase]
            action: drop
            regex: Pending|Succeeded|Failed|Unknown
          - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scheme]
            action: replace
            regex: (https?)
            target_label: __scheme__
          - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_path]
            action: replace
            regex: (.+)
            target_label: __metrics_path__
          # The port annotation replaces the port of the discovered address; the targets it merges are deduplicated.
          - source_labels: [__address__, __meta_kubernetes_pod_annotation_prometheus_io_port]
            action: replace
            regex: '([^:]+)(?::[0-9]+)?;([0-9]+)'
            replacement: "$1:$2"
            target_label: __address__
          - action: labelmap
            regex: __meta_kubernetes_pod_label_(.+)
          - source_labels: [__meta_kubernetes_namespace]
            target_label: namespace
          - source_labels: [__meta_kubernetes_pod_name]
            target_label: pod
          - source_labels: [__meta_kubernetes_pod_node_name]
            target_label: node
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: prometheus-data
  namespace: monitoring
  labels:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/part-of: monitoring
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 20Gi
---
apiVersion: v1
kind: Service
metadata:
  name: prometheus
  namespace: monitoring
  labels:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/part-of: monitoring
spec:
  selector:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/instance: monitoring
  ports:
    - name: web
      port: 9090
      targetPort: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: prometheus
  namespace: monitoring
  labels:
    app.kubernetes.io/name: prometheus
    app.kubernetes.io/instance: monitoring
    app.kubernetes.io/component: server
    app.kubernetes.io/part-of: monitoring
spec:
  replicas: 1
  # Recreate: the TSDB volume is ReadWriteOnce and locked by the running server.
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app.kubernetes.io/name: prometheus
      app.kubernetes.io/instance: monitoring
  template:
    metadata:
      labels:
        app.kubernetes.io/name: prometheus
        app.kubernetes.io/instance: monitoring
        app.kubernetes.io/component: server
        app.kubernetes.io/part-of: monitoring
    spec:
      serviceAccountName: prometheus
      terminationGracePeriodSeconds: 120
      securityContext:
        runAsNonRoot: true
        runAsUser: 65534
        runAsGroup: 65534
        fsGroup: 65534
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: prometheus
          image: prom/prometheus:v3.1.0
          args:
            - --config.file=/etc/prometheus/prometheus.yml
            - --storage.tsdb.path=/prometheus
            - --storage.tsdb.retention.time=15d
            - --storage.tsdb.retention.size=18GB
            - --web.enable-lifecycle
          ports:
            - name: web
              containerPort: 9090
          resources:
            requests:
              cpu: 500m
              memory: 2Gi
            limits:
              memory: 4Gi
          # Replaying a large write-ahead log can take minutes; the startup probe covers it.
          startupProbe:
            httpGet:
              path: /-/ready
              port: web
            periodSeconds: 10
            failureThreshold: 60
          readinessProbe:
            httpGet:
              path: /-/ready
              port: web
            periodSeconds: 10
          livenessProbe:
            httpGet:
              path: /-/healthy
              port: web
            periodSeconds: 15
            timeoutSeconds: 10
            failureThreshold: 4
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: config
              mountPath: /etc/prometheus
              readOnly: true
            - name: data
              mountPath: /prometheus
      volumes:
        - name: config
          configMap:
            name: prometheus-config
        - name: data
          persistentVolumeClaim:
            claimName: prometheus-data
`,
};

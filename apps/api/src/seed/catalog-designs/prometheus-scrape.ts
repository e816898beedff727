// Prometheus discovering and scraping annotated pods, with exactly the read access discovery needs.
import type { SeedDesign } from "../catalog";

export const prometheusScrape: SeedDesign = {
  slug: "prometheus-scrape",
  name: "Prometheus with pod discovery",
  description:
    "A Prometheus server whose scrape configuration discovers pods annotated prometheus.io/scrape, with a read-only ClusterRole for discovery and a volume for its time series.",
  type: "Observability",
  technology: ["kubernetes", "prometheus"],
  caveats: "Retention is 15 days on a 20 GiB volume; size both to your series count.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: monitoring}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: prometheus, namespace: monitoring}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: prometheus-discovery}
rules:
  - apiGroups: [""]
    resources: [pods, services, endpoints, nodes]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: prometheus-discovery}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: prometheus-discovery}
subjects:
  - {kind: ServiceAccount, name: prometheus, namespace: monitoring}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: prometheus-config, namespace: monitoring}
data:
  prometheus.yml: |
    global: {scrape_interval: 30s}
    scrape_configs:
      - job_name: pods
        kubernetes_sd_configs: [{role: pod}]
        relabel_configs:
          - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
            action: keep
            regex: "true"
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: prometheus-data, namespace: monitoring}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 20Gi}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: prometheus, namespace: monitoring, labels: {app.kubernetes.io/name: prometheus}}
spec:
  replicas: 1
  strategy: {type: Recreate}
  selector: {matchLabels: {app.kubernetes.io/name: prometheus}}
  template:
    metadata: {labels: {app.kubernetes.io/name: prometheus}}
    spec:
      serviceAccountName: prometheus
      securityContext: {runAsNonRoot: true, runAsUser: 65534, fsGroup: 65534}
      containers:
        - name: prometheus
          image: prom/prometheus:v2.54.1
          args: [--config.file=/etc/prometheus/prometheus.yml, --storage.tsdb.retention.time=15d]
          ports: [{containerPort: 9090, name: web}]
          readinessProbe: {httpGet: {path: /-/ready, port: web}}
          resources: {requests: {cpu: 250m, memory: 1Gi}, limits: {memory: 2Gi}}
          volumeMounts:
            - {name: config, mountPath: /etc/prometheus}
            - {name: data, mountPath: /prometheus}
      volumes:
        - {name: config, configMap: {name: prometheus-config}}
        - {name: data, persistentVolumeClaim: {claimName: prometheus-data}}
---
apiVersion: v1
kind: Service
metadata: {name: prometheus, namespace: monitoring}
spec:
  selector: {app.kubernetes.io/name: prometheus}
  ports: [{port: 9090, targetPort: web}]
`,
};

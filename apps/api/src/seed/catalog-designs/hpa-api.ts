// An API that scales with its CPU use between a floor and a ceiling.
import type { SeedDesign } from "../catalog";

export const autoscaledApi: SeedDesign = {
  slug: "hpa-api",
  name: "Autoscaled API (HorizontalPodAutoscaler)",
  description:
    "An API Deployment with CPU requests set, so a HorizontalPodAutoscaler can keep it between 2 and 10 replicas at 70% utilisation, scaling down slowly to avoid flapping.",
  type: "Scaling",
  technology: ["kubernetes"],
  caveats:
    "Needs metrics-server in the cluster; without CPU requests the autoscaler cannot compute utilisation.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: api}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: api, labels: {app.kubernetes.io/name: orders}}
spec:
  selector: {matchLabels: {app.kubernetes.io/name: orders}}
  template:
    metadata: {labels: {app.kubernetes.io/name: orders}}
    spec:
      containers:
        - name: orders
          image: ghcr.io/example/orders:4.2.0
          ports: [{containerPort: 8080, name: http}]
          readinessProbe: {httpGet: {path: /ready, port: http}}
          resources: {requests: {cpu: 200m, memory: 256Mi}, limits: {memory: 512Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: orders, namespace: api}
spec:
  selector: {app.kubernetes.io/name: orders}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: orders, namespace: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: orders}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
  behavior:
    scaleDown: {stabilizationWindowSeconds: 300}
`,
};

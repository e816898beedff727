// Catalog design: an HTTP API whose replica count follows CPU load through a HorizontalPodAutoscaler.
import type { CatalogSeedDesign } from "./types";

export const apiAutoscaling: CatalogSeedDesign = {
  entry: {
    slug: "api-autoscaling",
    name: "Autoscaled API with HorizontalPodAutoscaler",
    description:
      "A stateless HTTP API scaled between 3 and 20 replicas by an autoscaling/v2 HorizontalPodAutoscaler aiming at 70% of requested CPU. It scales up fast (doubling, or four pods, every 30 seconds) and down slowly (20% a minute after five calm minutes); the Deployment leaves replicas to the autoscaler, pods spread over zones, drain gracefully and a PodDisruptionBudget bounds evictions.",
    type: "Scaling",
    technology: ["kubernetes", "metrics-server"],
    class: "official",
    caveats:
      "Needs metrics-server (or another resource metrics API) in the cluster. Utilisation is measured against CPU requests, so keep the requests realistic. The Deployment deliberately has no replicas field: re-applying the manifest must not reset what the autoscaler chose. The preStop sleep action needs Kubernetes 1.30 or later. The image ghcr.io/example/orders-api is a placeholder.",
    file: "api-autoscaling.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: orders
  labels:
    app.kubernetes.io/part-of: orders
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-api
  namespace: orders
  labels:
    app.kubernetes.io/name: orders-api
    app.kubernetes.io/part-of: orders
data:
  LOG_FORMAT: json
  HTTP_PORT: "8080"
  # Requests in flight get this long to finish after SIGTERM.
  SHUTDOWN_TIMEOUT: 20s
---
apiVersion: v1
kind: Service
metadata:
  name: orders-api
  namespace: orders
  labels:
    app.kubernetes.io/name: orders-api
    app.kubernetes.io/part-of: orders
spec:
  selector:
    app.kubernetes.io/name: orders-api
    app.kubernetes.io/instance: orders
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: orders
  labels:
    app.kubernetes.io/name: orders-api
    app.kubernetes.io/instance: orders
    app.kubernetes.io/component: api
    app.kubernetes.io/part-of: orders
spec:
  # No replicas: the HorizontalPodAutoscaler owns the count.
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-api
      app.kubernetes.io/instance: orders
  template:
    metadata:
      labels:
        app.kubernetes.io/name: orders-api
        app.kubernetes.io/instance: orders
        app.kubernetes.io/component: api
        app.kubernetes.io/part-of: orders
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "8080"
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: orders-api
              app.kubernetes.io/instance: orders
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: orders-api
              app.kubernetes.io/instance: orders
      containers:
        - name: api
          image: ghcr.io/example/orders-api:4.2.0
          envFrom:
            - configMapRef:
                name: orders-api
          ports:
            - name: http
              containerPort: 8080
          resources:
            # The autoscaler's 70% target is measured against this request.
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 512Mi
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: 5
            failureThreshold: 2
          livenessProbe:
            httpGet:
              path: /livez
              port: http
            initialDelaySeconds: 15
            periodSeconds: 20
          # Endpoints are removed asynchronously: keep serving a moment after the pod starts terminating.
          lifecycle:
            preStop:
              sleep:
                seconds: 5
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: orders-api
  namespace: orders
  labels:
    app.kubernetes.io/name: orders-api
    app.kubernetes.io/part-of: orders
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: orders-api
  minReplicas: 3
  maxReplicas: 20
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
  behavior:
    scaleUp:
      stabilizationWindowSeconds: 0
      selectPolicy: Max
      policies:
        - type: Percent
          value: 100
          periodSeconds: 30
        - type: Pods
          value: 4
          periodSeconds: 30
    scaleDown:
      stabilizationWindowSeconds: 300
      selectPolicy: Max
      policies:
        - type: Percent
          value: 20
          periodSeconds: 60
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: orders-api
  namespace: orders
  labels:
    app.kubernetes.io/name: orders-api
    app.kubernetes.io/part-of: orders
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: orders-api
      app.kubernetes.io/instance: orders
`,
};

// Catalog design: a gRPC service with native gRPC probes and a readiness gate it opens itself once warmed up.
import type { CatalogSeedDesign } from "./types";

export const grpcReadinessGates: CatalogSeedDesign = {
  entry: {
    slug: "grpc-readiness-gates",
    name: "gRPC service with readiness gates",
    description:
      "A gRPC recommendation service probed with Kubernetes' built-in gRPC health checks, plus a readiness gate: a pod receives traffic only after the app has loaded its model and set the custom pod condition recommendations.example.com/model-loaded to True through the API, which a namespaced Role allows. A headless Service lets gRPC clients balance across pods, since one HTTP/2 connection through a ClusterIP sticks to a single pod.",
    type: "Workloads",
    technology: ["kubernetes", "grpc"],
    class: "official",
    caveats:
      "The application must implement the standard grpc.health.v1.Health service and, once warm, patch its own pod's status with the condition (POD_NAME and POD_NAMESPACE are provided); until then the pod stays out of every Service. The Role lets any pod using the account patch any pod status in the namespace, since RBAC cannot name the caller's own pod. gRPC probes need Kubernetes 1.27 or later. Clients should dial dns:///recommendations-headless.recommendations.svc.cluster.local:9090 with round_robin balancing. Cloud load-balancer controllers (AWS, GKE) inject readiness gates of their own; this one is independent of them. The image ghcr.io/example/recommendations is a placeholder.",
    file: "grpc-readiness-gates.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: recommendations
  labels:
    app.kubernetes.io/part-of: recommendations
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: recommendations
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/part-of: recommendations
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: set-pod-conditions
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/part-of: recommendations
rules:
  # Just enough to read its own pod and set the readiness gate's condition.
  - apiGroups: [""]
    resources: [pods]
    verbs: [get]
  - apiGroups: [""]
    resources: [pods/status]
    verbs: [patch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: recommendations-set-pod-conditions
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/part-of: recommendations
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: set-pod-conditions
subjects:
  - kind: ServiceAccount
    name: recommendations
    namespace: recommendations
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: recommendations
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/part-of: recommendations
data:
  GRPC_PORT: "9090"
  MODEL_URI: s3://example-models/recommendations/2024-11.onnx
  READINESS_CONDITION: recommendations.example.com/model-loaded
---
# For clients that balance themselves: DNS returns every ready pod's address.
apiVersion: v1
kind: Service
metadata:
  name: recommendations-headless
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/part-of: recommendations
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/instance: recommendations
  ports:
    - name: grpc
      port: 9090
      targetPort: grpc
      appProtocol: kubernetes.io/h2c
---
# For proxies and meshes that balance HTTP/2 per request.
apiVersion: v1
kind: Service
metadata:
  name: recommendations
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/part-of: recommendations
spec:
  selector:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/instance: recommendations
  ports:
    - name: grpc
      port: 9090
      targetPort: grpc
      appProtocol: kubernetes.io/h2c
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: recommendations
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/instance: recommendations
    app.kubernetes.io/part-of: recommendations
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app.kubernetes.io/name: recommendations
      app.kubernetes.io/instance: recommendations
  template:
    metadata:
      labels:
        app.kubernetes.io/name: recommendations
        app.kubernetes.io/instance: recommendations
        app.kubernetes.io/part-of: recommendations
    spec:
      serviceAccountName: recommendations
      # Ready means both: the containers' probes pass and the app has set this condition to True.
      readinessGates:
        - conditionType: recommendations.example.com/model-loaded
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: server
          image: ghcr.io/example/recommendations:0.14.2
          envFrom:
            - configMapRef:
                name: recommendations
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
          ports:
            - name: grpc
              containerPort: 9090
          resources:
            requests:
              cpu: "1"
              memory: 2Gi
            limits:
              memory: 3Gi
          # Kubernetes' own gRPC health checks (grpc.health.v1), no grpc_health_probe binary needed.
          startupProbe:
            grpc:
              port: 9090
            periodSeconds: 5
            failureThreshold: 60
          readinessProbe:
            grpc:
              port: 9090
            periodSeconds: 5
          livenessProbe:
            grpc:
              port: 9090
            periodSeconds: 15
            failureThreshold: 3
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: model-cache
              mountPath: /var/cache/model
      volumes:
        - name: model-cache
          emptyDir:
            sizeLimit: 2Gi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: recommendations
  namespace: recommendations
  labels:
    app.kubernetes.io/name: recommendations
    app.kubernetes.io/part-of: recommendations
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: recommendations
      app.kubernetes.io/instance: recommendations
`,
};

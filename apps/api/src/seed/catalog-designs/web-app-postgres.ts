// A web application with its PostgreSQL database: the most common shape of a small production service.
import type { SeedDesign } from "../catalog";

export const webAppWithPostgres: SeedDesign = {
  slug: "web-app-postgres",
  name: "Web application with PostgreSQL",
  description:
    "A stateless web tier behind an Ingress, talking to a single-instance PostgreSQL StatefulSet whose credentials live in a Secret and whose data lives on a persistent volume.",
  type: "Workloads",
  technology: ["kubernetes", "postgresql"],
  caveats:
    "Single database replica: back it up (see the nightly backup design) before trusting it with data.",
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: webapp
---
apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
  namespace: webapp
type: Opaque
stringData:
  POSTGRES_USER: app
  POSTGRES_PASSWORD: change-me
  POSTGRES_DB: app
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: webapp
  labels: {app.kubernetes.io/name: postgres}
spec:
  serviceName: postgres
  replicas: 1
  selector:
    matchLabels: {app.kubernetes.io/name: postgres}
  template:
    metadata:
      labels: {app.kubernetes.io/name: postgres}
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          ports: [{containerPort: 5432, name: postgres}]
          envFrom: [{secretRef: {name: db-credentials}}]
          readinessProbe:
            exec: {command: ["pg_isready", "-U", "app"]}
            periodSeconds: 10
          resources:
            requests: {cpu: 250m, memory: 512Mi}
            limits: {memory: 1Gi}
          volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 10Gi}}
---
apiVersion: v1
kind: Service
metadata:
  name: postgres
  namespace: webapp
spec:
  clusterIP: None
  selector: {app.kubernetes.io/name: postgres}
  ports: [{port: 5432, name: postgres}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: webapp
  labels: {app.kubernetes.io/name: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app.kubernetes.io/name: web}
  template:
    metadata:
      labels: {app.kubernetes.io/name: web}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - name: web
          image: ghcr.io/example/webapp:2.3.1
          ports: [{containerPort: 8080, name: http}]
          env:
            - name: DATABASE_HOST
              value: postgres.webapp.svc
            - name: DATABASE_PASSWORD
              valueFrom: {secretKeyRef: {name: db-credentials, key: POSTGRES_PASSWORD}}
          readinessProbe: {httpGet: {path: /healthz, port: http}}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: webapp
spec:
  selector: {app.kubernetes.io/name: web}
  ports: [{port: 80, targetPort: http, name: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: webapp
spec:
  rules:
    - host: app.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {name: http}}}
`,
};

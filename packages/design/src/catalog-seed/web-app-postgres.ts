// Catalog design: a stateless web app in front of a single PostgreSQL instance, exposed through an Ingress.
import type { CatalogSeedDesign } from "./types";

export const webAppPostgres: CatalogSeedDesign = {
  entry: {
    slug: "web-app-postgres",
    name: "Web app with PostgreSQL",
    description:
      "A stateless web application (two replicas behind a Service and an HTTPS Ingress) backed by one PostgreSQL 17 instance with its own persistent volume. Credentials live in a Secret, settings in a ConfigMap, and a NetworkPolicy lets only the web pods reach the database.",
    type: "Deployment",
    technology: ["kubernetes", "postgresql", "ingress-nginx", "cert-manager"],
    class: "official",
    caveats:
      "Replace the placeholder password in the Secret postgres-credentials (or create it from your secret manager) and the image ghcr.io/example/webapp before deploying. The Ingress expects the ingress-nginx controller and a cert-manager ClusterIssuer named letsencrypt-prod, which issues the Secret webapp-tls. The PVC uses the default StorageClass. A single PostgreSQL instance is not highly available: use an operator such as CloudNativePG for replicas and failover.",
    file: "web-app-postgres.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: webapp
  labels:
    app.kubernetes.io/part-of: webapp
---
apiVersion: v1
kind: Secret
metadata:
  name: postgres-credentials
  namespace: webapp
  labels:
    app.kubernetes.io/name: postgres
    app.kubernetes.io/part-of: webapp
type: Opaque
# Placeholder values: generate a real password before the first start, PostgreSQL keeps the first one it sees.
stringData:
  POSTGRES_USER: webapp
  POSTGRES_PASSWORD: change-me-before-deploying
  POSTGRES_DB: webapp
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config
  namespace: webapp
  labels:
    app.kubernetes.io/name: webapp
    app.kubernetes.io/part-of: webapp
data:
  DATABASE_HOST: postgres.webapp.svc.cluster.local
  DATABASE_PORT: "5432"
  DATABASE_SSLMODE: prefer
  LOG_LEVEL: info
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: webapp
  namespace: webapp
  labels:
    app.kubernetes.io/name: webapp
    app.kubernetes.io/part-of: webapp
# The web app never calls the Kubernetes API.
automountServiceAccountToken: false
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: postgres-data
  namespace: webapp
  labels:
    app.kubernetes.io/name: postgres
    app.kubernetes.io/part-of: webapp
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 20Gi
---
apiVersion: v1
kind: Service
metadata:
  name: postgres
  namespace: webapp
  labels:
    app.kubernetes.io/name: postgres
    app.kubernetes.io/part-of: webapp
spec:
  # Headless: the StatefulSet's stable DNS name, and no load balancing in front of a single primary.
  clusterIP: None
  selector:
    app.kubernetes.io/name: postgres
    app.kubernetes.io/instance: webapp-db
  ports:
    - name: postgres
      port: 5432
      targetPort: postgres
---
apiVersion: v1
kind: Service
metadata:
  name: webapp
  namespace: webapp
  labels:
    app.kubernetes.io/name: webapp
    app.kubernetes.io/part-of: webapp
spec:
  selector:
    app.kubernetes.io/name: webapp
    app.kubernetes.io/instance: webapp
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: webapp
  namespace: webapp
  labels:
    app.kubernetes.io/name: webapp
    app.kubernetes.io/instance: webapp
    app.kubernetes.io/component: frontend
    app.kubernetes.io/part-of: webapp
spec:
  replicas: 2
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      app.kubernetes.io/name: webapp
      app.kubernetes.io/instance: webapp
  template:
    metadata:
      labels:
        app.kubernetes.io/name: webapp
        app.kubernetes.io/instance: webapp
        app.kubernetes.io/component: frontend
        app.kubernetes.io/part-of: webapp
    spec:
      serviceAccountName: webapp
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      # Wait for the database so the first rollout does not crash-loop while PostgreSQL initialises.
      initContainers:
        - name: wait-for-postgres
          image: postgres:17.2-alpine
          command: ["sh", "-c", "until pg_isready --host=$DATABASE_HOST --port=$DATABASE_PORT; do sleep 2; done"]
          envFrom:
            - configMapRef:
                name: webapp-config
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
            limits:
              memory: 32Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
      containers:
        - name: webapp
          image: ghcr.io/example/webapp:1.8.0
          ports:
            - name: http
              containerPort: 8080
          envFrom:
            - configMapRef:
                name: webapp-config
          env:
            - name: DATABASE_USER
              valueFrom:
                secretKeyRef:
                  name: postgres-credentials
                  key: POSTGRES_USER
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: postgres-credentials
                  key: POSTGRES_PASSWORD
            - name: DATABASE_NAME
              valueFrom:
                secretKeyRef:
                  name: postgres-credentials
                  key: POSTGRES_DB
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /healthz/ready
              port: http
            periodSeconds: 5
            failureThreshold: 3
          livenessProbe:
            httpGet:
              path: /healthz/live
              port: http
            initialDelaySeconds: 10
            periodSeconds: 10
            failureThreshold: 3
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: webapp
              app.kubernetes.io/instance: webapp
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: webapp
  labels:
    app.kubernetes.io/name: postgres
    app.kubernetes.io/instance: webapp-db
    app.kubernetes.io/component: database
    app.kubernetes.io/part-of: webapp
spec:
  serviceName: postgres
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: postgres
      app.kubernetes.io/instance: webapp-db
  template:
    metadata:
      labels:
        app.kubernetes.io/name: postgres
        app.kubernetes.io/instance: webapp-db
        app.kubernetes.io/component: database
        app.kubernetes.io/part-of: webapp
    spec:
      # Time for a clean shutdown checkpoint instead of crash recovery on the next start.
      terminationGracePeriodSeconds: 60
      securityContext:
        runAsNonRoot: true
        # The postgres user of the official Alpine image.
        runAsUser: 70
        runAsGroup: 70
        fsGroup: 70
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: postgres
          image: postgres:17.2-alpine
          ports:
            - name: postgres
              containerPort: 5432
          envFrom:
            - secretRef:
                name: postgres-credentials
          env:
            # A subdirectory: the volume root may hold lost+found, which initdb refuses.
            - name: PGDATA
              value: /var/lib/postgresql/data/pgdata
          resources:
            requests:
              cpu: 250m
              memory: 512Mi
            limits:
              memory: 1Gi
          readinessProbe:
            exec:
              command: ["sh", "-c", "pg_isready --username=$POSTGRES_USER --dbname=$POSTGRES_DB --host=127.0.0.1"]
            periodSeconds: 5
            timeoutSeconds: 3
          livenessProbe:
            exec:
              command: ["sh", "-c", "pg_isready --username=$POSTGRES_USER --dbname=$POSTGRES_DB --host=127.0.0.1"]
            initialDelaySeconds: 30
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 6
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
            - name: run
              mountPath: /var/run/postgresql
      # A named claim instead of volumeClaimTemplates: the data outlives the StatefulSet and is easy to snapshot.
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: postgres-data
        - name: run
          emptyDir: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: postgres-from-webapp
  namespace: webapp
  labels:
    app.kubernetes.io/part-of: webapp
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: postgres
      app.kubernetes.io/instance: webapp-db
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: webapp
              app.kubernetes.io/instance: webapp
      ports:
        - protocol: TCP
          port: 5432
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: webapp
  namespace: webapp
  labels:
    app.kubernetes.io/name: webapp
    app.kubernetes.io/part-of: webapp
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt-prod
    nginx.ingress.kubernetes.io/proxy-body-size: 10m
spec:
  ingressClassName: nginx
  tls:
    - hosts: [app.example.com]
      secretName: webapp-tls
  rules:
    - host: app.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: webapp
                port:
                  name: http
`,
};

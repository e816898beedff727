// Catalog design: an app reaching a managed database through an ExternalName Service, a cluster-local alias.
import type { CatalogSeedDesign } from "./types";

export const externalDatabaseExternalName: CatalogSeedDesign = {
  entry: {
    slug: "external-database-externalname",
    name: "Managed database behind an ExternalName Service",
    description:
      "An application that uses a database outside the cluster (Amazon RDS here) through an ExternalName Service: in-cluster code connects to billing-db.billing.svc, which the cluster DNS answers with a CNAME to the provider's endpoint. Moving the database, or pointing a staging namespace at another one, means changing one Service rather than every app's configuration. Credentials come from a Secret and TLS is verified against the real host name.",
    type: "Traffic-management",
    technology: ["kubernetes", "postgresql", "aws-rds"],
    class: "official",
    caveats:
      "ExternalName is DNS only: no proxying, no ports and no load balancing, and NetworkPolicies cannot select it (allow egress to the database's IP range instead). The database's certificate names the provider's host, not the alias, so clients verifying TLS must check against the real name (DATABASE_TLS_SERVER_NAME here) rather than billing-db. HTTP clients send the alias as Host, which most external HTTP services reject: use ExternalName for TCP protocols. Replace the endpoint and the placeholder credentials; the image ghcr.io/example/billing is a placeholder.",
    file: "external-database-externalname.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: billing
  labels:
    app.kubernetes.io/part-of: billing
---
# A DNS alias: billing-db.billing.svc.cluster.local is a CNAME to the managed database.
apiVersion: v1
kind: Service
metadata:
  name: billing-db
  namespace: billing
  labels:
    app.kubernetes.io/name: billing-db
    app.kubernetes.io/part-of: billing
spec:
  type: ExternalName
  externalName: billing.c9akciq32abc.eu-west-1.rds.amazonaws.com
---
apiVersion: v1
kind: Secret
metadata:
  name: billing-db-credentials
  namespace: billing
  labels:
    app.kubernetes.io/name: billing-db
    app.kubernetes.io/part-of: billing
type: Opaque
stringData:
  username: billing
  password: change-me-before-deploying
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: billing
  namespace: billing
  labels:
    app.kubernetes.io/name: billing
    app.kubernetes.io/part-of: billing
data:
  DATABASE_HOST: billing-db.billing.svc.cluster.local
  DATABASE_PORT: "5432"
  DATABASE_NAME: billing
  DATABASE_SSLMODE: verify-full
  # The name the database's certificate carries; the alias above would fail verification.
  DATABASE_TLS_SERVER_NAME: billing.c9akciq32abc.eu-west-1.rds.amazonaws.com
---
apiVersion: v1
kind: Service
metadata:
  name: billing
  namespace: billing
  labels:
    app.kubernetes.io/name: billing
    app.kubernetes.io/part-of: billing
spec:
  selector:
    app.kubernetes.io/name: billing
    app.kubernetes.io/instance: billing
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
  namespace: billing
  labels:
    app.kubernetes.io/name: billing
    app.kubernetes.io/instance: billing
    app.kubernetes.io/part-of: billing
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: billing
      app.kubernetes.io/instance: billing
  template:
    metadata:
      labels:
        app.kubernetes.io/name: billing
        app.kubernetes.io/instance: billing
        app.kubernetes.io/part-of: billing
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: billing
          image: ghcr.io/example/billing:6.0.3
          envFrom:
            - configMapRef:
                name: billing
          env:
            - name: DATABASE_USER
              valueFrom:
                secretKeyRef:
                  name: billing-db-credentials
                  key: username
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: billing-db-credentials
                  key: password
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 192Mi
            limits:
              memory: 384Mi
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /livez
              port: http
            initialDelaySeconds: 10
            periodSeconds: 20
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
`,
};

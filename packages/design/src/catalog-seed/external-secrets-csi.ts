// Catalog design: secrets read from Vault at pod start by the Secrets Store CSI driver, never stored in etcd.
import type { CatalogSeedDesign } from "./types";

export const externalSecretsCsi: CatalogSeedDesign = {
  entry: {
    slug: "external-secrets-csi",
    name: "External secrets through the Secrets Store CSI driver",
    description:
      "A payment service whose credentials stay in HashiCorp Vault: a SecretProviderClass tells the Secrets Store CSI driver which Vault paths to read, and the pod mounts them as files in a read-only in-memory CSI volume, authenticating to Vault as its own ServiceAccount. Nothing is copied into a Kubernetes Secret, so the values are never stored in etcd; rotation reaches the files without a restart.",
    type: "Security",
    technology: ["kubernetes", "vault", "secrets-store-csi-driver"],
    class: "official",
    caveats:
      "Needs the Secrets Store CSI driver (secrets-store.csi.k8s.io) and its Vault provider installed, and a Vault Kubernetes auth role named payments bound to the ServiceAccount payments in the namespace payments. SecretProviderClass (secrets-store.csi.x-k8s.io/v1) is a custom resource: its definition comes with the driver. Rotation needs the driver's --enable-secret-rotation flag, and the app must reread the files. Pods cannot start while Vault is unreachable. For other stores, swap the provider (aws, azure, gcp) and its parameters. The image ghcr.io/example/payments is a placeholder.",
    file: "external-secrets-csi.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels:
    app.kubernetes.io/part-of: payments
---
# The identity Vault checks: its Kubernetes auth role trusts this account's projected token.
apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments
  namespace: payments
  labels:
    app.kubernetes.io/name: payments
    app.kubernetes.io/part-of: payments
---
apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata:
  name: payments-vault
  namespace: payments
  labels:
    app.kubernetes.io/name: payments
    app.kubernetes.io/part-of: payments
spec:
  provider: vault
  parameters:
    vaultAddress: https://vault.example.com:8200
    roleName: payments
    # Each object becomes one file in the mounted volume.
    objects: |
      - objectName: database-password
        secretPath: kv/data/payments/database
        secretKey: password
      - objectName: gateway-api-key
        secretPath: kv/data/payments/gateway
        secretKey: api-key
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: payments
  namespace: payments
  labels:
    app.kubernetes.io/name: payments
    app.kubernetes.io/part-of: payments
data:
  DATABASE_HOST: payments-db.payments.svc.cluster.local
  DATABASE_PASSWORD_FILE: /mnt/secrets/database-password
  GATEWAY_API_KEY_FILE: /mnt/secrets/gateway-api-key
---
apiVersion: v1
kind: Service
metadata:
  name: payments
  namespace: payments
  labels:
    app.kubernetes.io/name: payments
    app.kubernetes.io/part-of: payments
spec:
  selector:
    app.kubernetes.io/name: payments
    app.kubernetes.io/instance: payments
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  namespace: payments
  labels:
    app.kubernetes.io/name: payments
    app.kubernetes.io/instance: payments
    app.kubernetes.io/part-of: payments
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: payments
      app.kubernetes.io/instance: payments
  template:
    metadata:
      labels:
        app.kubernetes.io/name: payments
        app.kubernetes.io/instance: payments
        app.kubernetes.io/part-of: payments
    spec:
      serviceAccountName: payments
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: payments
          image: ghcr.io/example/payments:2.9.0
          envFrom:
            - configMapRef:
                name: payments
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 200m
              memory: 256Mi
            limits:
              memory: 512Mi
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
          volumeMounts:
            - name: secrets
              mountPath: /mnt/secrets
              readOnly: true
      volumes:
        - name: secrets
          csi:
            driver: secrets-store.csi.k8s.io
            readOnly: true
            volumeAttributes:
              secretProviderClass: payments-vault
`,
};

// Catalog design: two complete versions side by side, live traffic switched between them by one Service selector.
import type { CatalogSeedDesign } from "./types";

export const blueGreenDeployment: CatalogSeedDesign = {
  entry: {
    slug: "blue-green-deployment",
    name: "Blue/green Deployments behind one Service",
    description:
      "Two full-size Deployments of the same app, blue (the running version) and green (the next one), distinguished by a slot label. The live Service selects one slot and a preview Service the other, so the new version can be smoke-tested at full scale before a single selector change moves all traffic; switching back is the same change in reverse.",
    type: "Deployment",
    technology: ["kubernetes"],
    class: "official",
    caveats:
      'Switch with kubectl -n checkout patch service checkout -p \'{"spec":{"selector":{"slot":"green"}}}\' and swap the preview Service the other way. Both slots run at full size, doubling the footprint while both are up; scale the idle slot to zero once the switch is final. Connections already open stay on the old pods until they close. Both versions share the database, so schema changes must be compatible with both. The images ghcr.io/example/checkout are placeholders.',
    file: "blue-green-deployment.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: checkout
  labels:
    app.kubernetes.io/part-of: checkout
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: checkout
  namespace: checkout
  labels:
    app.kubernetes.io/name: checkout
    app.kubernetes.io/part-of: checkout
data:
  PAYMENT_PROVIDER_URL: https://payments.example.com/v2
  LOG_LEVEL: info
---
# Live traffic: switch the slot label to move every request to the other version.
apiVersion: v1
kind: Service
metadata:
  name: checkout
  namespace: checkout
  labels:
    app.kubernetes.io/name: checkout
    app.kubernetes.io/part-of: checkout
spec:
  selector:
    app.kubernetes.io/name: checkout
    slot: blue
  ports:
    - name: http
      port: 80
      targetPort: http
---
# The idle slot, reachable in the cluster for smoke tests before the switch.
apiVersion: v1
kind: Service
metadata:
  name: checkout-preview
  namespace: checkout
  labels:
    app.kubernetes.io/name: checkout
    app.kubernetes.io/part-of: checkout
spec:
  selector:
    app.kubernetes.io/name: checkout
    slot: green
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout-blue
  namespace: checkout
  labels:
    app.kubernetes.io/name: checkout
    app.kubernetes.io/version: 3.4.1
    app.kubernetes.io/part-of: checkout
    slot: blue
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
      slot: blue
  template:
    metadata:
      labels:
        app.kubernetes.io/name: checkout
        app.kubernetes.io/version: 3.4.1
        app.kubernetes.io/part-of: checkout
        slot: blue
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: checkout
          image: ghcr.io/example/checkout:3.4.1
          envFrom:
            - configMapRef:
                name: checkout
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
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout-green
  namespace: checkout
  labels:
    app.kubernetes.io/name: checkout
    app.kubernetes.io/version: 3.5.0
    app.kubernetes.io/part-of: checkout
    slot: green
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
      slot: green
  template:
    metadata:
      labels:
        app.kubernetes.io/name: checkout
        app.kubernetes.io/version: 3.5.0
        app.kubernetes.io/part-of: checkout
        slot: green
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: checkout
          image: ghcr.io/example/checkout:3.5.0
          envFrom:
            - configMapRef:
                name: checkout
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
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: checkout-blue
  namespace: checkout
  labels:
    app.kubernetes.io/name: checkout
    app.kubernetes.io/part-of: checkout
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
      slot: blue
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: checkout-green
  namespace: checkout
  labels:
    app.kubernetes.io/name: checkout
    app.kubernetes.io/part-of: checkout
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: checkout
      slot: green
`,
};

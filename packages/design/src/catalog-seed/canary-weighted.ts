// Catalog design: a canary release taking a fixed share of requests through ingress-nginx's weighted canary Ingress.
import type { CatalogSeedDesign } from "./types";

export const canaryWeighted: CatalogSeedDesign = {
  entry: {
    slug: "canary-weighted",
    name: "Weighted canary with two Deployments",
    description:
      "A canary release at the ingress: the stable and canary versions run as separate Deployments with their own Services, and a second Ingress for the same host, marked as canary, sends it 10% of requests whatever the replica counts. Testers can force the canary with the header X-Canary: always. Raise the weight step by step, then promote by updating the stable image and removing the canary.",
    type: "Traffic-management",
    technology: ["kubernetes", "ingress-nginx"],
    class: "official",
    caveats:
      "The canary annotations are specific to the ingress-nginx controller; with the Gateway API use an HTTPRoute with weighted backendRefs instead. The weight is a share of requests, not of users: add session affinity or a cookie-based canary if one user must see one version. Watch the canary's error rate and latency (for example in Prometheus) before raising nginx.ingress.kubernetes.io/canary-weight. The images ghcr.io/example/storefront are placeholders.",
    file: "canary-weighted.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    app.kubernetes.io/part-of: shop
---
apiVersion: v1
kind: Service
metadata:
  name: storefront-stable
  namespace: shop
  labels:
    app.kubernetes.io/name: storefront
    app.kubernetes.io/part-of: shop
spec:
  selector:
    app.kubernetes.io/name: storefront
    track: stable
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: storefront-canary
  namespace: shop
  labels:
    app.kubernetes.io/name: storefront
    app.kubernetes.io/part-of: shop
spec:
  selector:
    app.kubernetes.io/name: storefront
    track: canary
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: storefront-stable
  namespace: shop
  labels:
    app.kubernetes.io/name: storefront
    app.kubernetes.io/version: 7.1.0
    app.kubernetes.io/part-of: shop
    track: stable
spec:
  replicas: 4
  selector:
    matchLabels:
      app.kubernetes.io/name: storefront
      track: stable
  template:
    metadata:
      labels:
        app.kubernetes.io/name: storefront
        app.kubernetes.io/version: 7.1.0
        app.kubernetes.io/part-of: shop
        track: stable
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "8080"
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: storefront
          image: ghcr.io/example/storefront:7.1.0
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
  name: storefront-canary
  namespace: shop
  labels:
    app.kubernetes.io/name: storefront
    app.kubernetes.io/version: 7.2.0-rc.1
    app.kubernetes.io/part-of: shop
    track: canary
spec:
  # The weight, not the replica count, sets the canary's share; one replica is enough for 10%.
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: storefront
      track: canary
  template:
    metadata:
      labels:
        app.kubernetes.io/name: storefront
        app.kubernetes.io/version: 7.2.0-rc.1
        app.kubernetes.io/part-of: shop
        track: canary
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "8080"
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: storefront
          image: ghcr.io/example/storefront:7.2.0-rc.1
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
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: storefront
  namespace: shop
  labels:
    app.kubernetes.io/name: storefront
    app.kubernetes.io/part-of: shop
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: storefront-stable
                port:
                  name: http
---
# Same host and path as the main Ingress: the controller splits its traffic by the weight below.
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: storefront-canary
  namespace: shop
  labels:
    app.kubernetes.io/name: storefront
    app.kubernetes.io/part-of: shop
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-weight: "10"
    nginx.ingress.kubernetes.io/canary-weight-total: "100"
    # Requests with X-Canary: always go to the canary, with never to stable; other values fall back to the weight.
    nginx.ingress.kubernetes.io/canary-by-header: X-Canary
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: storefront-canary
                port:
                  name: http
`,
};

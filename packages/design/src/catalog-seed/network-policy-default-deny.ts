// Catalog design: a namespace that denies all traffic by default and allows each flow it needs by name.
import type { CatalogSeedDesign } from "./types";

export const networkPolicyDefaultDeny: CatalogSeedDesign = {
  entry: {
    slug: "network-policy-default-deny",
    name: "NetworkPolicy default deny with allow rules",
    description:
      "A three-tier storefront (frontend, API, cache) in a namespace where a default policy denies all ingress and egress, then one NetworkPolicy per flow opens exactly what the tiers need: the ingress controller to the frontend, frontend to API, API to cache, and DNS for everyone. Both ends of each flow are allowed, since egress is denied too.",
    type: "Security",
    technology: ["kubernetes", "ingress-nginx", "redis"],
    class: "official",
    caveats:
      "NetworkPolicies are enforced only by a CNI plugin that supports them (Calico, Cilium, Antrea; not plain flannel). The ingress rule assumes the controller runs in the namespace ingress-nginx and DNS in kube-system with the label k8s-app: kube-dns; adjust both for your cluster. Any new flow, including calls to external APIs, needs its own egress rule. The images ghcr.io/example/storefront-* are placeholders.",
    file: "network-policy-default-deny.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: storefront
  labels:
    app.kubernetes.io/part-of: storefront
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
  namespace: storefront
  labels:
    app.kubernetes.io/name: frontend
    app.kubernetes.io/part-of: storefront
spec:
  selector:
    app.kubernetes.io/name: frontend
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: storefront
  labels:
    app.kubernetes.io/name: api
    app.kubernetes.io/part-of: storefront
spec:
  selector:
    app.kubernetes.io/name: api
  ports:
    - name: http
      port: 8080
      targetPort: http
---
apiVersion: v1
kind: Service
metadata:
  name: cache
  namespace: storefront
  labels:
    app.kubernetes.io/name: cache
    app.kubernetes.io/part-of: storefront
spec:
  selector:
    app.kubernetes.io/name: cache
  ports:
    - name: redis
      port: 6379
      targetPort: redis
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  namespace: storefront
  labels:
    app.kubernetes.io/name: frontend
    app.kubernetes.io/component: frontend
    app.kubernetes.io/part-of: storefront
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: frontend
  template:
    metadata:
      labels:
        app.kubernetes.io/name: frontend
        app.kubernetes.io/component: frontend
        app.kubernetes.io/part-of: storefront
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: frontend
          image: ghcr.io/example/storefront-web:2.4.0
          env:
            - name: API_URL
              value: http://api.storefront.svc.cluster.local:8080
          ports:
            - name: http
              containerPort: 3000
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
          livenessProbe:
            httpGet:
              path: /healthz
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
  name: api
  namespace: storefront
  labels:
    app.kubernetes.io/name: api
    app.kubernetes.io/component: api
    app.kubernetes.io/part-of: storefront
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: api
  template:
    metadata:
      labels:
        app.kubernetes.io/name: api
        app.kubernetes.io/component: api
        app.kubernetes.io/part-of: storefront
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: api
          image: ghcr.io/example/storefront-api:2.4.0
          env:
            - name: REDIS_URL
              value: redis://cache.storefront.svc.cluster.local:6379
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
  name: cache
  namespace: storefront
  labels:
    app.kubernetes.io/name: cache
    app.kubernetes.io/component: cache
    app.kubernetes.io/part-of: storefront
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: cache
  template:
    metadata:
      labels:
        app.kubernetes.io/name: cache
        app.kubernetes.io/component: cache
        app.kubernetes.io/part-of: storefront
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 999
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: redis
          image: redis:7.4.1-alpine
          # A disposable session cache: no persistence, bounded memory.
          args: ["--save", "", "--appendonly", "no", "--maxmemory", "200mb", "--maxmemory-policy", "allkeys-lru"]
          ports:
            - name: redis
              containerPort: 6379
          resources:
            requests:
              cpu: 50m
              memory: 256Mi
            limits:
              memory: 256Mi
          readinessProbe:
            tcpSocket:
              port: redis
          livenessProbe:
            exec:
              command: ["redis-cli", "ping"]
            periodSeconds: 20
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
---
# Every pod in the namespace: no traffic in or out unless another policy allows it.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: storefront
  labels:
    app.kubernetes.io/part-of: storefront
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns-egress
  namespace: storefront
  labels:
    app.kubernetes.io/part-of: storefront
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend-from-ingress-controller
  namespace: storefront
  labels:
    app.kubernetes.io/part-of: storefront
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: frontend
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress-nginx
      ports:
        - protocol: TCP
          port: 3000
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-frontend
  namespace: storefront
  labels:
    app.kubernetes.io/part-of: storefront
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: api
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: frontend
      ports:
        - protocol: TCP
          port: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend-to-api
  namespace: storefront
  labels:
    app.kubernetes.io/part-of: storefront
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: frontend
  policyTypes: [Egress]
  egress:
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: api
      ports:
        - protocol: TCP
          port: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: cache-from-api
  namespace: storefront
  labels:
    app.kubernetes.io/part-of: storefront
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: cache
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: api
      ports:
        - protocol: TCP
          port: 6379
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-to-cache
  namespace: storefront
  labels:
    app.kubernetes.io/part-of: storefront
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: api
  policyTypes: [Egress]
  egress:
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: cache
      ports:
        - protocol: TCP
          port: 6379
`,
};

// Default-deny networking for a namespace, with the few flows the application needs allowed explicitly.
import type { SeedDesign } from "../catalog";

export const defaultDenyNetworking: SeedDesign = {
  slug: "network-default-deny",
  name: "NetworkPolicy default deny with allow rules",
  description:
    "Every pod in the namespace starts isolated; explicit policies then allow DNS, the frontend to reach the backend on its port, and nothing else.",
  type: "Security",
  technology: ["kubernetes"],
  caveats: "NetworkPolicies need a CNI that enforces them (Calico, Cilium...); otherwise they are ignored.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: frontend-to-backend, namespace: shop}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: backend}}
  policyTypes: [Ingress]
  ingress:
    - from: [{podSelector: {matchLabels: {app.kubernetes.io/name: frontend}}}]
      ports: [{protocol: TCP, port: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop, labels: {app.kubernetes.io/name: frontend}}
spec:
  replicas: 2
  selector: {matchLabels: {app.kubernetes.io/name: frontend}}
  template:
    metadata: {labels: {app.kubernetes.io/name: frontend}}
    spec:
      containers:
        - name: frontend
          image: ghcr.io/example/frontend:3.1.0
          ports: [{containerPort: 3000}]
          resources: {requests: {cpu: 50m, memory: 96Mi}, limits: {memory: 192Mi}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: backend, namespace: shop, labels: {app.kubernetes.io/name: backend}}
spec:
  replicas: 2
  selector: {matchLabels: {app.kubernetes.io/name: backend}}
  template:
    metadata: {labels: {app.kubernetes.io/name: backend}}
    spec:
      containers:
        - name: backend
          image: ghcr.io/example/backend:3.1.0
          ports: [{containerPort: 8080}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: backend, namespace: shop}
spec:
  selector: {app.kubernetes.io/name: backend}
  ports: [{port: 8080}]
`,
};

// An Ingress terminating TLS with a certificate cert-manager keeps renewed.
import type { SeedDesign } from "../catalog";

export const ingressWithTls: SeedDesign = {
  slug: "ingress-tls",
  name: "Ingress with TLS",
  description:
    "A site served over HTTPS: the Ingress terminates TLS with a certificate stored in a Secret that cert-manager issues and renews, redirecting plain HTTP.",
  type: "Traffic-management",
  technology: ["kubernetes", "cert-manager", "ingress-nginx"],
  caveats: "Needs an ingress controller and cert-manager with a ClusterIssuer named letsencrypt.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: site}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: site, namespace: site, labels: {app.kubernetes.io/name: site}}
spec:
  replicas: 2
  selector: {matchLabels: {app.kubernetes.io/name: site}}
  template:
    metadata: {labels: {app.kubernetes.io/name: site}}
    spec:
      containers:
        - name: nginx
          image: nginxinc/nginx-unprivileged:1.27
          ports: [{containerPort: 8080, name: http}]
          resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: site, namespace: site}
spec:
  selector: {app.kubernetes.io/name: site}
  ports: [{port: 80, targetPort: http, name: http}]
---
apiVersion: v1
kind: Secret
metadata:
  name: site-tls
  namespace: site
  annotations: {cert-manager.io/issuer-name: letsencrypt}
type: kubernetes.io/tls
data:
  tls.crt: ""
  tls.key: ""
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
  namespace: site
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
    nginx.ingress.kubernetes.io/force-ssl-redirect: "true"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [www.example.com]
      secretName: site-tls
  rules:
    - host: www.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: site, port: {name: http}}}}
`,
};

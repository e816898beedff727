// The sidecar pattern: an application and a proxy in one pod, sharing a volume and the network namespace.
import type { SeedDesign } from "../catalog";

export const sidecarProxy: SeedDesign = {
  slug: "sidecar-proxy",
  name: "Application with a caching proxy sidecar",
  description:
    "An application container with an nginx sidecar in front of it: the proxy's configuration comes from a ConfigMap, both share an emptyDir for static files, and the Service exposes only the proxy's port.",
  type: "Traffic-management",
  technology: ["kubernetes", "nginx"],
  caveats: "The application listens on localhost only; anything that bypasses the proxy cannot reach it.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: docs}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: proxy-config, namespace: docs}
data:
  default.conf: |
    server {
      listen 8080;
      location /static/ { root /srv; }
      location / { proxy_pass http://127.0.0.1:3000; proxy_cache_valid 200 1m; }
    }
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: docs, namespace: docs, labels: {app.kubernetes.io/name: docs}}
spec:
  replicas: 2
  selector: {matchLabels: {app.kubernetes.io/name: docs}}
  template:
    metadata: {labels: {app.kubernetes.io/name: docs}}
    spec:
      containers:
        - name: app
          image: ghcr.io/example/docs:1.0.0
          env: [{name: LISTEN, value: "127.0.0.1:3000"}]
          resources: {requests: {cpu: 50m, memory: 128Mi}, limits: {memory: 256Mi}}
          volumeMounts: [{name: static, mountPath: /app/public}]
        - name: proxy
          image: nginxinc/nginx-unprivileged:1.27
          ports: [{containerPort: 8080, name: http}]
          resources: {requests: {cpu: 20m, memory: 32Mi}, limits: {memory: 64Mi}}
          volumeMounts:
            - {name: static, mountPath: /srv/static}
            - {name: proxy-config, mountPath: /etc/nginx/conf.d}
      volumes:
        - {name: static, emptyDir: {}}
        - {name: proxy-config, configMap: {name: proxy-config}}
---
apiVersion: v1
kind: Service
metadata: {name: docs, namespace: docs}
spec:
  selector: {app.kubernetes.io/name: docs}
  ports: [{port: 80, targetPort: http}]
`,
};

// Catalog design: an app container and an nginx sidecar in one pod, talking over a Unix socket on a shared volume.
import type { CatalogSeedDesign } from "./types";

export const sidecarProxy: CatalogSeedDesign = {
  entry: {
    slug: "sidecar-proxy",
    name: "Sidecar reverse proxy sharing a volume",
    description:
      "The sidecar pattern: a Python (gunicorn) application and an nginx reverse proxy in the same pod. The app listens only on a Unix socket in an in-memory volume both containers mount, so nothing but the proxy can reach it; nginx buffers slow clients, serves the static files the app copies into a second shared volume at start-up, and is the only port the Service exposes.",
    type: "Traffic-management",
    technology: ["kubernetes", "nginx", "python"],
    class: "official",
    caveats:
      "The application image must start gunicorn with --bind unix:/run/app/gunicorn.sock and copy its static files to /srv/static (the init container here does the copy from the app image). Both containers share the pod's lifecycle: a crash in either restarts only that container, but the pod is ready only when both are. The images ghcr.io/example/inventory are placeholders; nginx-unprivileged listens on 8080 and runs without root.",
    file: "sidecar-proxy.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: inventory
  labels:
    app.kubernetes.io/part-of: inventory
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: inventory-proxy
  namespace: inventory
  labels:
    app.kubernetes.io/name: inventory
    app.kubernetes.io/part-of: inventory
data:
  default.conf: |
    upstream app {
      # The app listens on a Unix socket in the volume both containers share.
      server unix:/run/app/gunicorn.sock fail_timeout=0;
    }
    server {
      listen 8080;
      client_max_body_size 5m;
      location /static/ {
        alias /srv/static/;
        expires 7d;
        access_log off;
      }
      location = /nginx-health {
        access_log off;
        return 200 "ok";
      }
      location / {
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_read_timeout 30s;
        proxy_pass http://app;
      }
    }
---
apiVersion: v1
kind: Service
metadata:
  name: inventory
  namespace: inventory
  labels:
    app.kubernetes.io/name: inventory
    app.kubernetes.io/part-of: inventory
spec:
  selector:
    app.kubernetes.io/name: inventory
    app.kubernetes.io/instance: inventory
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: inventory
  namespace: inventory
  labels:
    app.kubernetes.io/name: inventory
    app.kubernetes.io/instance: inventory
    app.kubernetes.io/part-of: inventory
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: inventory
      app.kubernetes.io/instance: inventory
  template:
    metadata:
      labels:
        app.kubernetes.io/name: inventory
        app.kubernetes.io/instance: inventory
        app.kubernetes.io/part-of: inventory
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        # One user for both containers, so each can use the socket the other created.
        runAsUser: 101
        runAsGroup: 101
        fsGroup: 101
        seccompProfile:
          type: RuntimeDefault
      initContainers:
        - name: copy-static
          image: ghcr.io/example/inventory:5.0.2
          command: ["sh", "-c", "cp -R /app/static/. /srv/static/"]
          resources:
            requests:
              cpu: 10m
              memory: 32Mi
            limits:
              memory: 64Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: static
              mountPath: /srv/static
      containers:
        - name: app
          image: ghcr.io/example/inventory:5.0.2
          command: ["gunicorn", "--bind", "unix:/run/app/gunicorn.sock", "--workers", "3", "--timeout", "30", "inventory.wsgi"]
          resources:
            requests:
              cpu: 200m
              memory: 256Mi
            limits:
              memory: 512Mi
          # No TCP port to probe: the app is checked through its socket.
          readinessProbe:
            exec:
              command: ["python", "-c", "import socket; s = socket.socket(socket.AF_UNIX); s.settimeout(2); s.connect('/run/app/gunicorn.sock')"]
            periodSeconds: 10
            timeoutSeconds: 3
          livenessProbe:
            exec:
              command: ["python", "-c", "import socket; s = socket.socket(socket.AF_UNIX); s.settimeout(2); s.connect('/run/app/gunicorn.sock')"]
            initialDelaySeconds: 15
            periodSeconds: 20
            timeoutSeconds: 3
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: socket
              mountPath: /run/app
            - name: tmp
              mountPath: /tmp
        - name: proxy
          image: nginxinc/nginx-unprivileged:1.27.3-alpine
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 50m
              memory: 32Mi
            limits:
              memory: 64Mi
          readinessProbe:
            httpGet:
              path: /nginx-health
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /nginx-health
              port: http
            periodSeconds: 20
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: socket
              mountPath: /run/app
            - name: static
              mountPath: /srv/static
              readOnly: true
            - name: proxy-config
              mountPath: /etc/nginx/conf.d
              readOnly: true
            - name: proxy-tmp
              mountPath: /tmp
      volumes:
        - name: socket
          emptyDir:
            medium: Memory
            sizeLimit: 1Mi
        - name: static
          emptyDir:
            sizeLimit: 256Mi
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
        - name: proxy-tmp
          emptyDir:
            sizeLimit: 64Mi
        - name: proxy-config
          configMap:
            name: inventory-proxy
`,
};

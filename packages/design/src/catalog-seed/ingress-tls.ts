// Catalog design: a website served over HTTPS, its certificate issued and renewed by cert-manager.
import type { CatalogSeedDesign } from "./types";

export const ingressTls: CatalogSeedDesign = {
  entry: {
    slug: "ingress-tls",
    name: "Ingress with TLS from cert-manager",
    description:
      "A static website behind an ingress-nginx Ingress that terminates TLS for the apex and www hosts. cert-manager's ingress-shim reads the cluster-issuer annotation, requests a certificate and keeps it renewed in the Secret the Ingress names; plain HTTP is redirected to HTTPS and www to the apex.",
    type: "Traffic-management",
    technology: ["kubernetes", "ingress-nginx", "cert-manager", "nginx"],
    class: "official",
    caveats:
      "Needs the ingress-nginx controller and cert-manager with a ClusterIssuer named letsencrypt-prod (an ACME issuer with an HTTP-01 solver for the nginx class). From the annotation cert-manager creates a Certificate (cert-manager.io/v1) named site-tls and stores the key pair in the Secret site-tls; the Secret is therefore not part of the design. Write a Certificate resource yourself instead of the annotation when you need DNS-01, extra SANs or a private key policy. Point both DNS names at the controller before deploying, or issuance fails.",
    file: "ingress-tls.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: site
  labels:
    app.kubernetes.io/part-of: site
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: site-nginx
  namespace: site
  labels:
    app.kubernetes.io/name: site
    app.kubernetes.io/part-of: site
data:
  default.conf: |
    server {
      listen 8080;
      server_name _;
      root /usr/share/nginx/html;
      # TLS ends at the ingress controller; HSTS is safe to send because every request arrived over HTTPS.
      add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
      add_header X-Content-Type-Options nosniff always;
      add_header Referrer-Policy strict-origin-when-cross-origin always;
      location / {
        try_files $uri $uri/ /index.html;
      }
      location = /healthz {
        access_log off;
        return 200 "ok";
      }
    }
---
apiVersion: v1
kind: Service
metadata:
  name: site
  namespace: site
  labels:
    app.kubernetes.io/name: site
    app.kubernetes.io/part-of: site
spec:
  selector:
    app.kubernetes.io/name: site
    app.kubernetes.io/instance: site
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: site
  namespace: site
  labels:
    app.kubernetes.io/name: site
    app.kubernetes.io/instance: site
    app.kubernetes.io/component: web
    app.kubernetes.io/part-of: site
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: site
      app.kubernetes.io/instance: site
  template:
    metadata:
      labels:
        app.kubernetes.io/name: site
        app.kubernetes.io/instance: site
        app.kubernetes.io/component: web
        app.kubernetes.io/part-of: site
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 101
        runAsGroup: 101
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: nginx
          # The site's pages baked into an nginx-unprivileged image, which listens on 8080 and writes only to /tmp.
          image: ghcr.io/example/site:3.2.0
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 20m
              memory: 32Mi
            limits:
              memory: 64Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 15
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: config
              mountPath: /etc/nginx/conf.d
              readOnly: true
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: config
          configMap:
            name: site-nginx
        - name: tmp
          emptyDir:
            sizeLimit: 32Mi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: site
  namespace: site
  labels:
    app.kubernetes.io/name: site
    app.kubernetes.io/part-of: site
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: site
      app.kubernetes.io/instance: site
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
  namespace: site
  labels:
    app.kubernetes.io/name: site
    app.kubernetes.io/part-of: site
  annotations:
    # ingress-shim: cert-manager creates the Certificate site-tls for every host under spec.tls.
    cert-manager.io/cluster-issuer: letsencrypt-prod
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
    nginx.ingress.kubernetes.io/from-to-www-redirect: "true"
spec:
  ingressClassName: nginx
  tls:
    - hosts:
        - example.com
        - www.example.com
      secretName: site-tls
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: site
                port:
                  name: http
`,
};

// Catalog design: a password-protected Redis cache that survives restarts with append-only persistence.
import type { CatalogSeedDesign } from "./types";

export const redisCache: CatalogSeedDesign = {
  entry: {
    slug: "redis-cache",
    name: "Redis cache with persistence",
    description:
      "A single Redis 7.4 instance used as an LRU cache that keeps its data across restarts with an append-only file on a persistent volume. Clients authenticate with a password from a Secret, a redis_exporter sidecar publishes metrics, and a NetworkPolicy admits only pods labelled as Redis clients.",
    type: "Workloads",
    technology: ["kubernetes", "redis", "prometheus"],
    class: "official",
    caveats:
      'Replace the placeholder password in the Secret redis-auth. Client pods must carry the label cache.meshplane.io/client: "true" to pass the NetworkPolicy. maxmemory (768mb) stays below the 1Gi memory limit to leave room for the append-only rewrite; raise both together. One replica is not highly available: use Redis Sentinel or a managed service when the cache is on the critical path.',
    file: "redis-cache.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: cache
  labels:
    app.kubernetes.io/part-of: cache
---
apiVersion: v1
kind: Secret
metadata:
  name: redis-auth
  namespace: cache
  labels:
    app.kubernetes.io/name: redis
    app.kubernetes.io/part-of: cache
type: Opaque
stringData:
  password: change-me-before-deploying
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: redis-config
  namespace: cache
  labels:
    app.kubernetes.io/name: redis
    app.kubernetes.io/part-of: cache
data:
  redis.conf: |
    # Cache semantics: evict the least recently used keys when full.
    maxmemory 768mb
    maxmemory-policy allkeys-lru
    # Persistence: the append-only file, fsynced every second, plus RDB snapshots for faster restarts.
    dir /data
    appendonly yes
    appendfsync everysec
    save 900 1
    save 300 100
    # The password is passed on the command line from the Secret; the port is reachable inside the cluster only.
    protected-mode no
    tcp-keepalive 60
    timeout 0
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: redis
  namespace: cache
  labels:
    app.kubernetes.io/name: redis
    app.kubernetes.io/part-of: cache
automountServiceAccountToken: false
---
apiVersion: v1
kind: Service
metadata:
  name: redis-headless
  namespace: cache
  labels:
    app.kubernetes.io/name: redis
    app.kubernetes.io/part-of: cache
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: redis
    app.kubernetes.io/instance: cache
  ports:
    - name: redis
      port: 6379
      targetPort: redis
---
apiVersion: v1
kind: Service
metadata:
  name: redis
  namespace: cache
  labels:
    app.kubernetes.io/name: redis
    app.kubernetes.io/part-of: cache
spec:
  selector:
    app.kubernetes.io/name: redis
    app.kubernetes.io/instance: cache
  ports:
    - name: redis
      port: 6379
      targetPort: redis
    - name: metrics
      port: 9121
      targetPort: metrics
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
  namespace: cache
  labels:
    app.kubernetes.io/name: redis
    app.kubernetes.io/instance: cache
    app.kubernetes.io/component: cache
    app.kubernetes.io/part-of: cache
spec:
  serviceName: redis-headless
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: redis
      app.kubernetes.io/instance: cache
  template:
    metadata:
      labels:
        app.kubernetes.io/name: redis
        app.kubernetes.io/instance: cache
        app.kubernetes.io/component: cache
        app.kubernetes.io/part-of: cache
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9121"
    spec:
      serviceAccountName: redis
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        # The redis user of the official Alpine image.
        runAsUser: 999
        runAsGroup: 1000
        fsGroup: 1000
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: redis
          image: redis:7.4.1-alpine
          command: ["sh", "-c", 'exec redis-server /etc/redis/redis.conf --requirepass "$REDISCLI_AUTH"']
          ports:
            - name: redis
              containerPort: 6379
          env:
            # redis-cli reads REDISCLI_AUTH, so the probes authenticate without putting the password in argv.
            - name: REDISCLI_AUTH
              valueFrom:
                secretKeyRef:
                  name: redis-auth
                  key: password
          resources:
            requests:
              cpu: 100m
              memory: 1Gi
            limits:
              memory: 1Gi
          readinessProbe:
            exec:
              command: ["redis-cli", "ping"]
            periodSeconds: 5
            timeoutSeconds: 2
          livenessProbe:
            exec:
              command: ["redis-cli", "ping"]
            initialDelaySeconds: 20
            periodSeconds: 10
            timeoutSeconds: 5
            failureThreshold: 5
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: data
              mountPath: /data
            - name: config
              mountPath: /etc/redis
              readOnly: true
        - name: metrics
          image: oliver006/redis_exporter:v1.66.0
          ports:
            - name: metrics
              containerPort: 9121
          env:
            - name: REDIS_ADDR
              value: redis://127.0.0.1:6379
            - name: REDIS_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: redis-auth
                  key: password
          resources:
            requests:
              cpu: 10m
              memory: 32Mi
            limits:
              memory: 64Mi
          readinessProbe:
            httpGet:
              path: /health
              port: metrics
            periodSeconds: 10
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
      volumes:
        - name: config
          configMap:
            name: redis-config
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          app.kubernetes.io/name: redis
          app.kubernetes.io/instance: cache
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 8Gi
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: redis-clients-only
  namespace: cache
  labels:
    app.kubernetes.io/name: redis
    app.kubernetes.io/part-of: cache
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: redis
      app.kubernetes.io/instance: cache
  policyTypes: [Ingress]
  ingress:
    # Clients in any namespace, identified by a label.
    - from:
        - namespaceSelector: {}
          podSelector:
            matchLabels:
              cache.meshplane.io/client: "true"
      ports:
        - protocol: TCP
          port: 6379
    # Prometheus, from the namespace of the Prometheus design.
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
      ports:
        - protocol: TCP
          port: 9121
`,
};

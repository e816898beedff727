// A Redis cache with persistence beside the application that uses it.
import type { SeedDesign } from "../catalog";

export const redisCache: SeedDesign = {
  slug: "redis-cache",
  name: "Redis cache with persistence",
  description:
    "Redis as a cache with append-only persistence on a volume, its configuration in a ConfigMap, and an API Deployment that reaches it through a Service.",
  type: "Workloads",
  technology: ["kubernetes", "redis"],
  caveats: "One Redis replica: a restart empties nothing thanks to AOF, but there is no failover.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: cache}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: redis-config, namespace: cache}
data:
  redis.conf: |
    appendonly yes
    maxmemory 256mb
    maxmemory-policy allkeys-lru
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: redis, namespace: cache, labels: {app.kubernetes.io/name: redis}}
spec:
  serviceName: redis
  replicas: 1
  selector: {matchLabels: {app.kubernetes.io/name: redis}}
  template:
    metadata: {labels: {app.kubernetes.io/name: redis}}
    spec:
      containers:
        - name: redis
          image: redis:7.4
          args: ["/etc/redis/redis.conf"]
          ports: [{containerPort: 6379, name: redis}]
          readinessProbe: {exec: {command: ["redis-cli", "ping"]}}
          resources: {requests: {cpu: 100m, memory: 300Mi}, limits: {memory: 320Mi}}
          volumeMounts:
            - {name: config, mountPath: /etc/redis}
            - {name: data, mountPath: /data}
      volumes:
        - name: config
          configMap: {name: redis-config}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}}
---
apiVersion: v1
kind: Service
metadata: {name: redis, namespace: cache}
spec:
  selector: {app.kubernetes.io/name: redis}
  ports: [{port: 6379, name: redis}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: cache, labels: {app.kubernetes.io/name: api}}
spec:
  replicas: 2
  selector: {matchLabels: {app.kubernetes.io/name: api}}
  template:
    metadata: {labels: {app.kubernetes.io/name: api}}
    spec:
      containers:
        - name: api
          image: ghcr.io/example/api:1.8.0
          env: [{name: REDIS_URL, value: "redis://redis.cache.svc:6379"}]
          ports: [{containerPort: 8080, name: http}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: cache}
spec:
  selector: {app.kubernetes.io/name: api}
  ports: [{port: 80, targetPort: http}]
`,
};

// A RabbitMQ broker as a StatefulSet with durable storage and its credentials kept in a Secret.
import type { SeedDesign } from "../catalog";

export const rabbitmq: SeedDesign = {
  slug: "rabbitmq",
  name: "RabbitMQ message broker",
  description:
    "RabbitMQ as a single-node StatefulSet with a durable volume, its default user in a Secret, its configuration in a ConfigMap, and a client Service for AMQP plus the management port.",
  type: "Workloads",
  technology: ["kubernetes", "rabbitmq"],
  caveats:
    "A single node: queues survive restarts on the volume, but there is no clustering or quorum queue replication.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: messaging}
---
apiVersion: v1
kind: Secret
metadata: {name: rabbitmq-user, namespace: messaging}
type: Opaque
stringData: {RABBITMQ_DEFAULT_USER: app, RABBITMQ_DEFAULT_PASS: change-me}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: rabbitmq-config, namespace: messaging}
data:
  rabbitmq.conf: |
    vm_memory_high_watermark.relative = 0.6
    disk_free_limit.absolute = 1GB
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: rabbitmq, namespace: messaging, labels: {app.kubernetes.io/name: rabbitmq}}
spec:
  serviceName: rabbitmq-headless
  replicas: 1
  selector: {matchLabels: {app.kubernetes.io/name: rabbitmq}}
  template:
    metadata: {labels: {app.kubernetes.io/name: rabbitmq}}
    spec:
      containers:
        - name: rabbitmq
          image: rabbitmq:3.13-management
          envFrom: [{secretRef: {name: rabbitmq-user}}]
          ports: [{containerPort: 5672, name: amqp}, {containerPort: 15672, name: management}]
          readinessProbe: {exec: {command: ["rabbitmq-diagnostics", "-q", "ping"]}, periodSeconds: 20}
          resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {memory: 1Gi}}
          volumeMounts:
            - {name: data, mountPath: /var/lib/rabbitmq}
            - {name: config, mountPath: /etc/rabbitmq/conf.d}
      volumes:
        - {name: config, configMap: {name: rabbitmq-config}}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
---
apiVersion: v1
kind: Service
metadata: {name: rabbitmq-headless, namespace: messaging}
spec:
  clusterIP: None
  selector: {app.kubernetes.io/name: rabbitmq}
  ports: [{port: 5672, name: amqp}]
---
apiVersion: v1
kind: Service
metadata: {name: rabbitmq, namespace: messaging}
spec:
  selector: {app.kubernetes.io/name: rabbitmq}
  ports: [{port: 5672, name: amqp}, {port: 15672, name: management}]
`,
};

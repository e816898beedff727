// Catalog design: a three-node RabbitMQ cluster on a StatefulSet, with quorum queues by default.
import type { CatalogSeedDesign } from "./types";

export const rabbitmqCluster: CatalogSeedDesign = {
  entry: {
    slug: "rabbitmq-cluster",
    name: "RabbitMQ cluster on a StatefulSet",
    description:
      "A three-node RabbitMQ 4.0 message broker on a StatefulSet: nodes take stable names from the headless Service and join each other from a static peer list, queues default to replicated quorum queues, each node keeps its messages on its own volume, and a PodDisruptionBudget lets only one node go at a time. The management UI and Prometheus metrics are enabled; the Erlang cookie and admin credentials come from a Secret.",
    type: "Workloads",
    technology: ["kubernetes", "rabbitmq", "prometheus"],
    class: "official",
    caveats:
      'Replace the Erlang cookie and the admin password in the Secret rabbitmq-secrets before the first start: nodes that started with different cookies cannot cluster, and the admin user is created only once. The static peer list names three nodes: to change the size, edit the list and the replicas together, or use the RabbitMQ Cluster Operator, which also handles rolling upgrades safely. Needs three schedulable nodes. Clients connect to rabbitmq.messaging.svc:5672 and need the label messaging.meshplane.io/client: "true".',
    file: "rabbitmq-cluster.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: messaging
  labels:
    app.kubernetes.io/part-of: messaging
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: rabbitmq
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/part-of: messaging
automountServiceAccountToken: false
---
apiVersion: v1
kind: Secret
metadata:
  name: rabbitmq-secrets
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/part-of: messaging
type: Opaque
stringData:
  # Any long random string, identical on every node.
  erlang-cookie: replace-with-a-long-random-string
  # Read from conf.d at the first boot only, when the admin user is created.
  30-credentials.conf: |
    default_user = admin
    default_pass = change-me-before-deploying
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: rabbitmq-config
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/part-of: messaging
data:
  enabled_plugins: |
    [rabbitmq_management,rabbitmq_prometheus].
  20-cluster.conf: |
    cluster_name = messaging
    # Static peers: the StatefulSet's stable DNS names, no Kubernetes API access needed.
    cluster_formation.peer_discovery_backend = classic_config
    cluster_formation.classic_config.nodes.1 = rabbit@rabbitmq-0.rabbitmq-nodes.messaging.svc.cluster.local
    cluster_formation.classic_config.nodes.2 = rabbit@rabbitmq-1.rabbitmq-nodes.messaging.svc.cluster.local
    cluster_formation.classic_config.nodes.3 = rabbit@rabbitmq-2.rabbitmq-nodes.messaging.svc.cluster.local
    # Replicated queues unless a client asks otherwise.
    default_queue_type = quorum
    # Pause a node cut off from the majority rather than let the halves diverge.
    cluster_partition_handling = pause_minority
    # Leave headroom under the 2Gi container limit for Erlang's own memory.
    vm_memory_high_watermark.absolute = 1400MiB
    disk_free_limit.absolute = 2GB
    loopback_users.guest = true
---
apiVersion: v1
kind: Service
metadata:
  name: rabbitmq-nodes
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/part-of: messaging
spec:
  clusterIP: None
  # Nodes must resolve each other while they boot, before any is ready.
  publishNotReadyAddresses: true
  selector:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/instance: messaging
  ports:
    - name: epmd
      port: 4369
      targetPort: epmd
    - name: cluster-links
      port: 25672
      targetPort: cluster-links
---
apiVersion: v1
kind: Service
metadata:
  name: rabbitmq
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/part-of: messaging
spec:
  selector:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/instance: messaging
  ports:
    - name: amqp
      port: 5672
      targetPort: amqp
    - name: management
      port: 15672
      targetPort: management
    - name: prometheus
      port: 15692
      targetPort: prometheus
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: rabbitmq
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/instance: messaging
    app.kubernetes.io/component: broker
    app.kubernetes.io/part-of: messaging
spec:
  serviceName: rabbitmq-nodes
  replicas: 3
  # After a full stop the last node down must come back first; starting all at once lets them find it.
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app.kubernetes.io/name: rabbitmq
      app.kubernetes.io/instance: messaging
  template:
    metadata:
      labels:
        app.kubernetes.io/name: rabbitmq
        app.kubernetes.io/instance: messaging
        app.kubernetes.io/component: broker
        app.kubernetes.io/part-of: messaging
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "15692"
    spec:
      serviceAccountName: rabbitmq
      # Time to hand queue leadership over before the node stops.
      terminationGracePeriodSeconds: 600
      securityContext:
        runAsNonRoot: true
        # The rabbitmq user of the official image.
        runAsUser: 999
        runAsGroup: 999
        fsGroup: 999
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: DoNotSchedule
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: rabbitmq
              app.kubernetes.io/instance: messaging
      initContainers:
        # Erlang refuses a cookie file readable by others, and Secret volumes cannot set the owner: copy it (the old copy is read-only).
        - name: erlang-cookie
          image: rabbitmq:4.0.5-management
          command: ["sh", "-c", "rm -f /var/lib/rabbitmq/.erlang.cookie && cp /cookie/erlang-cookie /var/lib/rabbitmq/.erlang.cookie && chmod 400 /var/lib/rabbitmq/.erlang.cookie"]
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
            limits:
              memory: 32Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: cookie
              mountPath: /cookie
              readOnly: true
            - name: data
              mountPath: /var/lib/rabbitmq
      containers:
        - name: rabbitmq
          image: rabbitmq:4.0.5-management
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: RABBITMQ_USE_LONGNAME
              value: "true"
            - name: RABBITMQ_NODENAME
              value: rabbit@$(POD_NAME).rabbitmq-nodes.messaging.svc.cluster.local
          ports:
            - name: amqp
              containerPort: 5672
            - name: management
              containerPort: 15672
            - name: prometheus
              containerPort: 15692
            - name: epmd
              containerPort: 4369
            - name: cluster-links
              containerPort: 25672
          resources:
            requests:
              cpu: 500m
              memory: 2Gi
            limits:
              memory: 2Gi
          readinessProbe:
            tcpSocket:
              port: amqp
            initialDelaySeconds: 10
            periodSeconds: 10
          livenessProbe:
            exec:
              command: ["rabbitmq-diagnostics", "-q", "ping"]
            initialDelaySeconds: 60
            periodSeconds: 30
            timeoutSeconds: 15
            failureThreshold: 4
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: data
              mountPath: /var/lib/rabbitmq
            - name: config
              mountPath: /etc/rabbitmq/enabled_plugins
              subPath: enabled_plugins
            - name: config
              mountPath: /etc/rabbitmq/conf.d/20-cluster.conf
              subPath: 20-cluster.conf
            - name: credentials
              mountPath: /etc/rabbitmq/conf.d/30-credentials.conf
              subPath: 30-credentials.conf
      volumes:
        - name: config
          configMap:
            name: rabbitmq-config
        - name: cookie
          secret:
            secretName: rabbitmq-secrets
            items:
              - key: erlang-cookie
                path: erlang-cookie
        - name: credentials
          secret:
            secretName: rabbitmq-secrets
            items:
              - key: 30-credentials.conf
                path: 30-credentials.conf
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          app.kubernetes.io/name: rabbitmq
          app.kubernetes.io/instance: messaging
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 20Gi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: rabbitmq
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/part-of: messaging
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: rabbitmq
      app.kubernetes.io/instance: messaging
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: rabbitmq
  namespace: messaging
  labels:
    app.kubernetes.io/name: rabbitmq
    app.kubernetes.io/part-of: messaging
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: rabbitmq
      app.kubernetes.io/instance: messaging
  policyTypes: [Ingress]
  ingress:
    # Clustering traffic between the nodes.
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: rabbitmq
              app.kubernetes.io/instance: messaging
      ports:
        - protocol: TCP
          port: 4369
        - protocol: TCP
          port: 25672
    # AMQP and the management UI for labelled clients in any namespace.
    - from:
        - namespaceSelector: {}
          podSelector:
            matchLabels:
              messaging.meshplane.io/client: "true"
      ports:
        - protocol: TCP
          port: 5672
        - protocol: TCP
          port: 15672
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
      ports:
        - protocol: TCP
          port: 15692
`,
};

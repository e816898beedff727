// Catalog design: a three-member etcd cluster on a StatefulSet with stable identities and its own volumes.
import type { CatalogSeedDesign } from "./types";

export const etcdCluster: CatalogSeedDesign = {
  entry: {
    slug: "etcd-cluster",
    name: "Three-member etcd cluster",
    description:
      "A three-member etcd 3.5 cluster on a StatefulSet: each member keeps its name, DNS record and volume across restarts, peers find each other through a headless Service that publishes addresses before they are ready, and a PodDisruptionBudget keeps quorum through node drains. Members spread over three nodes and compact their history hourly.",
    type: "Resiliency",
    technology: ["kubernetes", "etcd"],
    class: "official",
    caveats:
      'Needs three schedulable nodes (the spread constraint refuses to stack members). Peers and clients talk plain HTTP inside the cluster: add TLS certificates (for example from cert-manager) before storing anything sensitive, and keep the NetworkPolicy. Scaling is not a replica change: add or remove members with etcdctl member add/remove first. The bootstrap flags only matter on the first start; restoring from a snapshot needs a new cluster token. Client pods need the label etcd.meshplane.io/client: "true".',
    file: "etcd-cluster.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: etcd
  labels:
    app.kubernetes.io/part-of: etcd
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: etcd-config
  namespace: etcd
  labels:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/part-of: etcd
data:
  ETCD_DATA_DIR: /var/lib/etcd/data
  ETCD_LISTEN_PEER_URLS: http://0.0.0.0:2380
  ETCD_LISTEN_CLIENT_URLS: http://0.0.0.0:2379
  ETCD_LISTEN_METRICS_URLS: http://0.0.0.0:2381
  ETCD_INITIAL_CLUSTER: etcd-0=http://etcd-0.etcd-peer.etcd.svc.cluster.local:2380,etcd-1=http://etcd-1.etcd-peer.etcd.svc.cluster.local:2380,etcd-2=http://etcd-2.etcd-peer.etcd.svc.cluster.local:2380
  ETCD_INITIAL_CLUSTER_STATE: new
  ETCD_INITIAL_CLUSTER_TOKEN: etcd-meshplane-1
  ETCD_AUTO_COMPACTION_MODE: periodic
  ETCD_AUTO_COMPACTION_RETENTION: 1h
  # 4 GiB backend quota, well inside the 10Gi volume so defragmentation has room.
  ETCD_QUOTA_BACKEND_BYTES: "4294967296"
  ETCD_SNAPSHOT_COUNT: "10000"
  ETCD_LOG_LEVEL: info
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: etcd
  namespace: etcd
  labels:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/part-of: etcd
automountServiceAccountToken: false
---
apiVersion: v1
kind: Service
metadata:
  name: etcd-peer
  namespace: etcd
  labels:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/part-of: etcd
spec:
  clusterIP: None
  # Members must resolve each other before any of them is ready, or the first election never happens.
  publishNotReadyAddresses: true
  selector:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/instance: etcd
  ports:
    - name: peer
      port: 2380
      targetPort: peer
    - name: client
      port: 2379
      targetPort: client
---
apiVersion: v1
kind: Service
metadata:
  name: etcd
  namespace: etcd
  labels:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/part-of: etcd
spec:
  selector:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/instance: etcd
  ports:
    - name: client
      port: 2379
      targetPort: client
    - name: metrics
      port: 2381
      targetPort: metrics
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: etcd
  namespace: etcd
  labels:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/instance: etcd
    app.kubernetes.io/component: database
    app.kubernetes.io/part-of: etcd
spec:
  serviceName: etcd-peer
  replicas: 3
  # Parallel: a lone member can never become ready without quorum, so OrderedReady would wait forever.
  podManagementPolicy: Parallel
  updateStrategy:
    type: RollingUpdate
  selector:
    matchLabels:
      app.kubernetes.io/name: etcd
      app.kubernetes.io/instance: etcd
  template:
    metadata:
      labels:
        app.kubernetes.io/name: etcd
        app.kubernetes.io/instance: etcd
        app.kubernetes.io/component: database
        app.kubernetes.io/part-of: etcd
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "2381"
    spec:
      serviceAccountName: etcd
      terminationGracePeriodSeconds: 30
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        fsGroup: 1000
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: DoNotSchedule
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: etcd
              app.kubernetes.io/instance: etcd
      containers:
        - name: etcd
          image: quay.io/coreos/etcd:v3.5.17
          command: ["/usr/local/bin/etcd"]
          envFrom:
            - configMapRef:
                name: etcd-config
          # Each member's identity comes from its pod name; dependent variables must follow POD_NAME.
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: ETCD_NAME
              value: $(POD_NAME)
            - name: ETCD_INITIAL_ADVERTISE_PEER_URLS
              value: http://$(POD_NAME).etcd-peer.etcd.svc.cluster.local:2380
            - name: ETCD_ADVERTISE_CLIENT_URLS
              value: http://$(POD_NAME).etcd-peer.etcd.svc.cluster.local:2379
          ports:
            - name: client
              containerPort: 2379
            - name: peer
              containerPort: 2380
            - name: metrics
              containerPort: 2381
          resources:
            requests:
              cpu: 250m
              memory: 512Mi
            limits:
              memory: 2Gi
          # The serializable health check answers from the local member, so a lost quorum never restarts every member.
          startupProbe:
            httpGet:
              path: /health?exclude=NOSPACE&serializable=true
              port: metrics
            periodSeconds: 10
            failureThreshold: 24
          livenessProbe:
            httpGet:
              path: /health?exclude=NOSPACE&serializable=true
              port: metrics
            periodSeconds: 10
            timeoutSeconds: 15
            failureThreshold: 8
          readinessProbe:
            httpGet:
              path: /health
              port: metrics
            periodSeconds: 5
            timeoutSeconds: 5
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: data
              mountPath: /var/lib/etcd
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          app.kubernetes.io/name: etcd
          app.kubernetes.io/instance: etcd
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 10Gi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: etcd
  namespace: etcd
  labels:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/part-of: etcd
spec:
  # Two of three members keep quorum: voluntary evictions take one member at a time.
  minAvailable: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: etcd
      app.kubernetes.io/instance: etcd
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: etcd
  namespace: etcd
  labels:
    app.kubernetes.io/name: etcd
    app.kubernetes.io/part-of: etcd
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: etcd
      app.kubernetes.io/instance: etcd
  policyTypes: [Ingress]
  ingress:
    # Peer and client traffic between members.
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: etcd
              app.kubernetes.io/instance: etcd
      ports:
        - protocol: TCP
          port: 2380
        - protocol: TCP
          port: 2379
    # Clients in any namespace, identified by a label.
    - from:
        - namespaceSelector: {}
          podSelector:
            matchLabels:
              etcd.meshplane.io/client: "true"
      ports:
        - protocol: TCP
          port: 2379
    # Metrics for Prometheus in the monitoring namespace.
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
      ports:
        - protocol: TCP
          port: 2381
`,
};

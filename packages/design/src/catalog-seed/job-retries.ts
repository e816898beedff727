// Catalog design: a sharded batch Job that retries each shard on its own and cleans itself up.
import type { CatalogSeedDesign } from "./types";

export const jobRetries: CatalogSeedDesign = {
  entry: {
    slug: "job-with-retries",
    name: "Batch Job with retries and TTL",
    description:
      "An Indexed Job that backfills data in eight shards, four at a time. Each shard gets up to three retries of its own (backoffLimitPerIndex); a pod failure policy gives up on a shard at once when the worker exits with code 42 (bad input, retrying cannot help) and does not count evictions or preemptions as failures. The whole run is bounded to six hours and the finished Job deletes itself after a day.",
    type: "Workloads",
    technology: ["kubernetes"],
    class: "official",
    caveats:
      "backoffLimitPerIndex and the FailIndex action need Kubernetes 1.29 or later (GA in 1.33). Pod failure policies require restartPolicy: Never. The worker must be idempotent per shard: a retried shard starts again from scratch. Once the Job finishes, its pods and logs disappear with it after ttlSecondsAfterFinished (24 hours); ship logs elsewhere if you need them longer. Jobs are immutable in their template: delete and recreate to run again. The image ghcr.io/example/backfill is a placeholder.",
    file: "job-with-retries.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: batch
  labels:
    app.kubernetes.io/part-of: batch
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: backfill
  namespace: batch
  labels:
    app.kubernetes.io/name: backfill
    app.kubernetes.io/part-of: batch
automountServiceAccountToken: false
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: backfill-settings
  namespace: batch
  labels:
    app.kubernetes.io/name: backfill
    app.kubernetes.io/part-of: batch
data:
  SOURCE_TABLE: events
  BATCH_SIZE: "5000"
  SINCE: "2024-01-01T00:00:00Z"
---
apiVersion: v1
kind: Secret
metadata:
  name: backfill-database
  namespace: batch
  labels:
    app.kubernetes.io/name: backfill
    app.kubernetes.io/part-of: batch
type: Opaque
stringData:
  DATABASE_URL: postgres://backfill:change-me@postgres.webapp.svc.cluster.local:5432/webapp
---
apiVersion: batch/v1
kind: Job
metadata:
  name: backfill-events
  namespace: batch
  labels:
    app.kubernetes.io/name: backfill
    app.kubernetes.io/instance: backfill-events
    app.kubernetes.io/component: batch
    app.kubernetes.io/part-of: batch
spec:
  completionMode: Indexed
  completions: 8
  parallelism: 4
  # Retries are counted per shard, so one bad shard cannot use up the others' retries.
  backoffLimitPerIndex: 3
  activeDeadlineSeconds: 21600
  ttlSecondsAfterFinished: 86400
  podFailurePolicy:
    rules:
      # Exit code 42 means the shard's input is invalid: fail this shard now.
      - action: FailIndex
        onExitCodes:
          containerName: worker
          operator: In
          values: [42]
      # Node drains and preemption are not the worker's fault.
      - action: Ignore
        onPodConditions:
          - type: DisruptionTarget
  template:
    metadata:
      labels:
        app.kubernetes.io/name: backfill
        app.kubernetes.io/instance: backfill-events
        app.kubernetes.io/component: batch
        app.kubernetes.io/part-of: batch
    spec:
      serviceAccountName: backfill
      restartPolicy: Never
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: worker
          image: ghcr.io/example/backfill:1.3.0
          # The Job controller sets JOB_COMPLETION_INDEX (0 to 7) in every pod.
          args: ["--shard=$(JOB_COMPLETION_INDEX)", "--shards=8"]
          envFrom:
            - configMapRef:
                name: backfill-settings
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: backfill-database
                  key: DATABASE_URL
          resources:
            requests:
              cpu: 500m
              memory: 512Mi
            limits:
              memory: 1Gi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
`,
};

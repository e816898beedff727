// Catalog design: a nightly PostgreSQL dump uploaded to S3-compatible object storage by a CronJob.
import type { CatalogSeedDesign } from "./types";

export const cronjobBackup: CatalogSeedDesign = {
  entry: {
    slug: "cronjob-postgres-backup",
    name: "Nightly PostgreSQL backup to object storage",
    description:
      "A CronJob that dumps a PostgreSQL database every night in pg_dump's custom format, checks that the archive is readable, and uploads it to an S3-compatible bucket under a timestamped key. Runs never overlap, a missed run is retried within the hour, and the last successful and failed jobs stay around for inspection.",
    type: "Resiliency",
    technology: ["kubernetes", "postgresql", "aws-s3"],
    class: "official",
    caveats:
      "Fill in the Secret backup-credentials (database password and object storage keys, or use IRSA / Workload Identity instead of static keys) and the ConfigMap backup-settings (database host, bucket, region, endpoint for MinIO or other S3-compatible stores). The bucket needs a lifecycle rule to expire old dumps; this design never deletes anything. Logical dumps suit databases up to some tens of GiB; beyond that, use WAL archiving (pgBackRest, Barman). Test a restore regularly.",
    file: "cronjob-postgres-backup.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: db-backup
  labels:
    app.kubernetes.io/part-of: db-backup
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: postgres-backup
  namespace: db-backup
  labels:
    app.kubernetes.io/name: postgres-backup
    app.kubernetes.io/part-of: db-backup
  # With IRSA or GKE Workload Identity, annotate this account with the cloud role and drop the static keys.
automountServiceAccountToken: false
---
apiVersion: v1
kind: Secret
metadata:
  name: backup-credentials
  namespace: db-backup
  labels:
    app.kubernetes.io/name: postgres-backup
    app.kubernetes.io/part-of: db-backup
type: Opaque
stringData:
  PGPASSWORD: change-me
  AWS_ACCESS_KEY_ID: change-me
  AWS_SECRET_ACCESS_KEY: change-me
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: backup-settings
  namespace: db-backup
  labels:
    app.kubernetes.io/name: postgres-backup
    app.kubernetes.io/part-of: db-backup
data:
  PGHOST: postgres.webapp.svc.cluster.local
  PGPORT: "5432"
  PGDATABASE: webapp
  PGUSER: webapp
  BACKUP_BUCKET: example-db-backups
  BACKUP_PREFIX: postgres/webapp
  AWS_REGION: eu-west-1
  # aws-cli v2 honours AWS_ENDPOINT_URL: point it at MinIO, Ceph RGW or another S3-compatible store.
  AWS_ENDPOINT_URL: https://s3.eu-west-1.amazonaws.com
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: postgres-backup
  namespace: db-backup
  labels:
    app.kubernetes.io/name: postgres-backup
    app.kubernetes.io/component: backup
    app.kubernetes.io/part-of: db-backup
spec:
  schedule: "17 2 * * *"
  timeZone: Etc/UTC
  # A slow dump must not be joined by the next one; a run missed by less than an hour still happens.
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 3600
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 5
  jobTemplate:
    metadata:
      labels:
        app.kubernetes.io/name: postgres-backup
        app.kubernetes.io/part-of: db-backup
    spec:
      backoffLimit: 2
      activeDeadlineSeconds: 7200
      template:
        metadata:
          labels:
            app.kubernetes.io/name: postgres-backup
            app.kubernetes.io/component: backup
            app.kubernetes.io/part-of: db-backup
        spec:
          serviceAccountName: postgres-backup
          # Never: each retry is a fresh pod with an empty scratch volume.
          restartPolicy: Never
          securityContext:
            runAsNonRoot: true
            runAsUser: 65534
            runAsGroup: 65534
            fsGroup: 65534
            seccompProfile:
              type: RuntimeDefault
          # The dump runs first and must succeed before the upload starts; they share the scratch volume.
          initContainers:
            - name: dump
              image: postgres:17.2-alpine
              command: ["sh", "-c"]
              args:
                - |
                  set -eu
                  pg_dump --format=custom --compress=6 --no-owner --file=/backup/db.dump
                  pg_restore --list /backup/db.dump > /dev/null
                  echo "dumped $$(du -h /backup/db.dump | cut -f1)"
              envFrom:
                - configMapRef:
                    name: backup-settings
              env:
                - name: PGPASSWORD
                  valueFrom:
                    secretKeyRef:
                      name: backup-credentials
                      key: PGPASSWORD
              resources:
                requests:
                  cpu: 250m
                  memory: 256Mi
                limits:
                  memory: 1Gi
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: [ALL]
              volumeMounts:
                - name: backup
                  mountPath: /backup
          containers:
            - name: upload
              image: amazon/aws-cli:2.22.35
              command: ["sh", "-c"]
              # $$ escapes Kubernetes' own $(VAR) expansion, leaving the shell's command substitution intact.
              args:
                - |
                  set -eu
                  key="$BACKUP_PREFIX/$$(date -u +%Y-%m-%dT%H%M%SZ).dump"
                  aws s3 cp /backup/db.dump "s3://$BACKUP_BUCKET/$key" --only-show-errors
                  echo "uploaded s3://$BACKUP_BUCKET/$key"
              envFrom:
                - configMapRef:
                    name: backup-settings
              env:
                - name: HOME
                  value: /tmp
                - name: AWS_ACCESS_KEY_ID
                  valueFrom:
                    secretKeyRef:
                      name: backup-credentials
                      key: AWS_ACCESS_KEY_ID
                - name: AWS_SECRET_ACCESS_KEY
                  valueFrom:
                    secretKeyRef:
                      name: backup-credentials
                      key: AWS_SECRET_ACCESS_KEY
              resources:
                requests:
                  cpu: 100m
                  memory: 128Mi
                limits:
                  memory: 512Mi
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop: [ALL]
              volumeMounts:
                - name: backup
                  mountPath: /backup
                  readOnly: true
                - name: tmp
                  mountPath: /tmp
          volumes:
            - name: backup
              emptyDir:
                sizeLimit: 20Gi
            - name: tmp
              emptyDir:
                sizeLimit: 256Mi
`,
};

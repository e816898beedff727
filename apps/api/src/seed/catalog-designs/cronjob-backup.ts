// A nightly database backup to object storage, run by a CronJob with its own identity and credentials.
import type { SeedDesign } from "../catalog";

export const nightlyBackup: SeedDesign = {
  slug: "cronjob-backup",
  name: "Nightly database backup CronJob",
  description:
    "A CronJob that dumps PostgreSQL every night and uploads the dump to S3-compatible storage, with credentials from Secrets, no overlapping runs and a bounded history.",
  type: "Resiliency",
  technology: ["kubernetes", "postgresql", "s3"],
  caveats: "Test a restore regularly: a backup nobody restored is a hope, not a backup.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: backups}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: backup, namespace: backups}
automountServiceAccountToken: false
---
apiVersion: v1
kind: Secret
metadata: {name: storage-credentials, namespace: backups}
type: Opaque
stringData: {AWS_ACCESS_KEY_ID: replace-me, AWS_SECRET_ACCESS_KEY: replace-me}
---
apiVersion: v1
kind: Secret
metadata: {name: database-url, namespace: backups}
type: Opaque
stringData: {DATABASE_URL: "postgres://backup@postgres.webapp.svc:5432/app"}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly-dump, namespace: backups}
spec:
  schedule: "30 2 * * *"
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 5
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          serviceAccountName: backup
          restartPolicy: OnFailure
          containers:
            - name: dump
              image: ghcr.io/example/pg-dump-s3:16
              envFrom:
                - secretRef: {name: storage-credentials}
                - secretRef: {name: database-url}
              env: [{name: BUCKET, value: s3://backups/postgres}]
              resources: {requests: {cpu: 100m, memory: 256Mi}, limits: {memory: 512Mi}}
`,
};

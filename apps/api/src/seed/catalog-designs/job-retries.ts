// A one-off batch Job that retries a bounded number of times and cleans itself up.
import type { SeedDesign } from "../catalog";

export const batchJob: SeedDesign = {
  slug: "job-retries",
  name: "Batch Job with retries and cleanup",
  description:
    "A database migration as a Job: its script comes from a ConfigMap, it retries at most three times within ten minutes, and finished Jobs are removed after a day.",
  type: "Workloads",
  technology: ["kubernetes"],
  caveats: "Make the script idempotent: a retry runs it again from the start.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: batch}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: migrate-script, namespace: batch}
data:
  migrate.sh: |
    #!/bin/sh
    set -eu
    echo "applying migrations"
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate, namespace: batch}
spec:
  backoffLimit: 3
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: 86400
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: alpine:3.20
          command: ["/bin/sh", "/scripts/migrate.sh"]
          resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
          volumeMounts: [{name: scripts, mountPath: /scripts}]
      volumes:
        - {name: scripts, configMap: {name: migrate-script}}
`,
};

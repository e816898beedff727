// Pod security at the restricted level: the namespace enforces it, and a workload that passes it.
import type { SeedDesign } from "../catalog";

export const restrictedPods: SeedDesign = {
  slug: "restricted-pods",
  name: "Restricted pod security",
  description:
    "A namespace labelled to enforce the restricted Pod Security Standard, and a Deployment that meets it: non-root, read-only root filesystem, no privilege escalation, all capabilities dropped, seccomp RuntimeDefault, no service account token.",
  type: "Security",
  technology: ["kubernetes"],
  caveats: "Images that write to their filesystem need an emptyDir for the paths they write (here /tmp).",
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: hardened
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/warn: restricted
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: worker, namespace: hardened}
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: hardened, labels: {app.kubernetes.io/name: worker}}
spec:
  replicas: 2
  selector: {matchLabels: {app.kubernetes.io/name: worker}}
  template:
    metadata: {labels: {app.kubernetes.io/name: worker}}
    spec:
      serviceAccountName: worker
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: worker
          image: ghcr.io/example/worker:2.0.0
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
          volumeMounts: [{name: tmp, mountPath: /tmp}]
      volumes:
        - {name: tmp, emptyDir: {}}
`,
};

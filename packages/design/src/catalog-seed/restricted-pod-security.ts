// Catalog design: a namespace enforcing the restricted Pod Security Standard, and a workload that passes it.
import type { CatalogSeedDesign } from "./types";

export const restrictedPodSecurity: CatalogSeedDesign = {
  entry: {
    slug: "restricted-pod-security",
    name: "Restricted Pod Security with a hardened workload",
    description:
      "A namespace labelled to enforce, audit and warn at the restricted Pod Security Standard, and a web service written to pass it: non-root user and group, no privilege escalation, every capability dropped, the RuntimeDefault seccomp profile, a read-only root filesystem with small writable scratch volumes, no service-account token, and resource limits. Anything less hardened is refused at admission.",
    type: "Security",
    technology: ["kubernetes"],
    class: "official",
    caveats:
      "Pod Security admission is built into Kubernetes 1.25 and later; on older clusters the labels do nothing. Enforcement applies when pods are created: existing pods keep running, so check with kubectl label --dry-run=server --overwrite ns hardened pod-security.kubernetes.io/enforce=restricted first. The enforce version is pinned so that an upgrade cannot tighten the rules unannounced; move it forward deliberately. The image must run as a non-root numeric user and write only to the mounted volumes; ghcr.io/example/hardened-web is a placeholder.",
    file: "restricted-pod-security.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: hardened
  labels:
    app.kubernetes.io/part-of: hardened
    # Refuse pods that break the restricted standard, pinned to one Kubernetes version's rules.
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: v1.33
    # Audit and warn against the latest rules, to hear about tightening before it is enforced.
    pod-security.kubernetes.io/audit: restricted
    pod-security.kubernetes.io/audit-version: latest
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/warn-version: latest
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: hardened-web
  namespace: hardened
  labels:
    app.kubernetes.io/name: hardened-web
    app.kubernetes.io/part-of: hardened
automountServiceAccountToken: false
---
apiVersion: v1
kind: Service
metadata:
  name: hardened-web
  namespace: hardened
  labels:
    app.kubernetes.io/name: hardened-web
    app.kubernetes.io/part-of: hardened
spec:
  selector:
    app.kubernetes.io/name: hardened-web
    app.kubernetes.io/instance: hardened
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hardened-web
  namespace: hardened
  labels:
    app.kubernetes.io/name: hardened-web
    app.kubernetes.io/instance: hardened
    app.kubernetes.io/part-of: hardened
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: hardened-web
      app.kubernetes.io/instance: hardened
  template:
    metadata:
      labels:
        app.kubernetes.io/name: hardened-web
        app.kubernetes.io/instance: hardened
        app.kubernetes.io/part-of: hardened
    spec:
      serviceAccountName: hardened-web
      automountServiceAccountToken: false
      enableServiceLinks: false
      # Pod-level settings the restricted standard checks; containers inherit them.
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        runAsGroup: 10001
        fsGroup: 10001
        fsGroupChangePolicy: OnRootMismatch
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: ghcr.io/example/hardened-web:1.0.4
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: "1"
              memory: 256Mi
              ephemeral-storage: 128Mi
          readinessProbe:
            httpGet:
              path: /readyz
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /livez
              port: http
            initialDelaySeconds: 10
            periodSeconds: 20
          # Container-level settings the restricted standard requires explicitly.
          securityContext:
            allowPrivilegeEscalation: false
            privileged: false
            readOnlyRootFilesystem: true
            runAsNonRoot: true
            capabilities:
              drop: [ALL]
            seccompProfile:
              type: RuntimeDefault
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: cache
              mountPath: /var/cache/app
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
        - name: cache
          emptyDir:
            sizeLimit: 256Mi
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: hardened-web
  namespace: hardened
  labels:
    app.kubernetes.io/name: hardened-web
    app.kubernetes.io/part-of: hardened
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: hardened-web
      app.kubernetes.io/instance: hardened
`,
};

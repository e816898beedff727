// Catalog design: least-privilege identities for CI pipelines, one that deploys and one that only looks.
import type { CatalogSeedDesign } from "./types";

export const ciDeployerRbac: CatalogSeedDesign = {
  entry: {
    slug: "ci-deployer-rbac",
    name: "RBAC for CI deployments",
    description:
      "Two ServiceAccounts for a CI system, each bound to a namespaced Role: ci-deployer may roll out new images and update configuration (get, list, watch, patch, update; create only for ConfigMaps, Services and Ingresses) but never delete or read Secrets; ci-reader, for pull-request pipelines, may only read and follow rollouts and logs.",
    type: "Security",
    technology: ["kubernetes"],
    class: "official",
    caveats:
      "Issue short-lived tokens with kubectl create token ci-deployer -n apps --duration=1h, or federate your CI's OIDC identity, rather than creating a long-lived service-account token Secret. Neither account can create Deployments or read Secrets: the first rollout of a new app and secret management stay with a human or a GitOps controller. Extend the Role if your pipeline manages other kinds (CronJobs, HPAs).",
    file: "ci-deployer-rbac.yaml",
  },
  manifests: `apiVersion: v1
kind: Namespace
metadata:
  name: apps
  labels:
    app.kubernetes.io/part-of: ci
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ci-deployer
  namespace: apps
  labels:
    app.kubernetes.io/name: ci-deployer
    app.kubernetes.io/part-of: ci
# CI talks to the API with tokens it requests; no pod ever runs as these accounts.
automountServiceAccountToken: false
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ci-reader
  namespace: apps
  labels:
    app.kubernetes.io/name: ci-reader
    app.kubernetes.io/part-of: ci
automountServiceAccountToken: false
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ci-deployer
  namespace: apps
  labels:
    app.kubernetes.io/name: ci-deployer
    app.kubernetes.io/part-of: ci
rules:
  # Roll out new images and scale: patch and update, never create or delete workloads.
  - apiGroups: [apps]
    resources: [deployments, statefulsets]
    verbs: [get, list, watch, patch, update]
  # kubectl rollout status and undo read ReplicaSets and ControllerRevisions.
  - apiGroups: [apps]
    resources: [replicasets, controllerrevisions]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [configmaps, services]
    verbs: [get, list, watch, create, patch, update]
  - apiGroups: [networking.k8s.io]
    resources: [ingresses]
    verbs: [get, list, watch, create, patch, update]
  # Enough to diagnose a failed rollout.
  - apiGroups: [""]
    resources: [pods, events]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [pods/log]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ci-reader
  namespace: apps
  labels:
    app.kubernetes.io/name: ci-reader
    app.kubernetes.io/part-of: ci
rules:
  # Read-only, and deliberately without secrets: pull-request pipelines run untrusted code.
  - apiGroups: ["", apps, networking.k8s.io]
    resources: [deployments, statefulsets, replicasets, pods, services, configmaps, events, ingresses]
    verbs: [get, list, watch]
  - apiGroups: [""]
    resources: [pods/log]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-deployer
  namespace: apps
  labels:
    app.kubernetes.io/name: ci-deployer
    app.kubernetes.io/part-of: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ci-deployer
subjects:
  - kind: ServiceAccount
    name: ci-deployer
    namespace: apps
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci-reader
  namespace: apps
  labels:
    app.kubernetes.io/name: ci-reader
    app.kubernetes.io/part-of: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ci-reader
subjects:
  - kind: ServiceAccount
    name: ci-reader
    namespace: apps
`,
};

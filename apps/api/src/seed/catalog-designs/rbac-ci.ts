// A least-privilege identity for a CI pipeline that deploys one namespace and nothing else.
import type { SeedDesign } from "../catalog";

export const rbacForCi: SeedDesign = {
  slug: "rbac-ci",
  name: "RBAC for a CI deployer",
  description:
    "A ServiceAccount for the CI system, bound to a Role that may update Deployments, Services and ConfigMaps in one namespace, read pods and logs, and nothing cluster-wide.",
  type: "Security",
  technology: ["kubernetes"],
  caveats: "Issue the CI a short-lived token (kubectl create token) rather than a long-lived Secret.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: payments}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ci-deployer, namespace: payments}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployer, namespace: payments}
rules:
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [get, list, watch, create, update, patch]
  - apiGroups: [""]
    resources: [services, configmaps]
    verbs: [get, list, watch, create, update, patch]
  - apiGroups: [""]
    resources: [pods, pods/log]
    verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-deployer, namespace: payments}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
subjects:
  - {kind: ServiceAccount, name: ci-deployer, namespace: payments}
`,
};

// Blue/green releases: two complete versions side by side, and a Service that points at one of them.
import type { SeedDesign } from "../catalog";

const deployment = (color: string, version: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: storefront-${color}, namespace: storefront, labels: {app.kubernetes.io/name: storefront, release: ${color}}}
spec:
  replicas: 3
  selector: {matchLabels: {app.kubernetes.io/name: storefront, release: ${color}}}
  template:
    metadata: {labels: {app.kubernetes.io/name: storefront, release: ${color}}}
    spec:
      containers:
        - name: storefront
          image: ghcr.io/example/storefront:${version}
          ports: [{containerPort: 8080, name: http}]
          readinessProbe: {httpGet: {path: /healthz, port: http}}
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
`;

export const blueGreen: SeedDesign = {
  slug: "blue-green",
  name: "Blue/green release",
  description:
    "Two full Deployments of a storefront, blue on the current version and green on the next, with a live Service selecting blue and a preview Service selecting green; switching is one selector change.",
  type: "Deployment",
  technology: ["kubernetes"],
  caveats: "Both versions run at full size during a release: plan for twice the capacity.",
  manifests: `apiVersion: v1
kind: Namespace
metadata: {name: storefront}
---
${deployment("blue", "5.0.3")}---
${deployment("green", "5.1.0")}---
apiVersion: v1
kind: Service
metadata: {name: storefront, namespace: storefront}
spec:
  selector: {app.kubernetes.io/name: storefront, release: blue}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: storefront-preview, namespace: storefront}
spec:
  selector: {app.kubernetes.io/name: storefront, release: green}
  ports: [{port: 80, targetPort: http}]
`,
};

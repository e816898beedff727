// Kinds of Kubernetes groups that Kubernetes does not serve are refused, with the nearest kind when it is obvious.
import { describe, expect, it } from "vitest";
import { importKubernetesManifests } from "../kubernetes/import";
import { describeIssue, validateConfiguration } from "./configuration";
import { editDistance, lookupKubernetesKind } from "./kubernetes-kinds";

describe("lookupKubernetesKind", () => {
  it("knows the built-in kinds at their served versions", () => {
    for (const [apiVersion, kind] of [
      ["v1", "Pod"],
      ["apps/v1", "Deployment"],
      ["batch/v1", "CronJob"],
      ["networking.k8s.io/v1", "Ingress"],
      ["rbac.authorization.k8s.io/v1", "RoleBinding"],
    ])
      expect(lookupKubernetesKind(apiVersion as string, kind as string).status, `${apiVersion} ${kind}`).toBe(
        "built-in",
      );
  });

  it("suggests the kind a typo or a wrong case meant", () => {
    expect(lookupKubernetesKind("apps/v1", "Deploymnet")).toMatchObject({
      status: "unknown",
      suggestion: "apps/v1 Deployment",
    });
    expect(lookupKubernetesKind("v1", "configmap")).toMatchObject({ suggestion: "v1 ConfigMap" });
    expect(lookupKubernetesKind("rbac.authorization.k8s.io/v1", "RoleBindng")).toMatchObject({
      suggestion: "rbac.authorization.k8s.io/v1 RoleBinding",
    });
  });

  it("sends removed versions and groups to where the kind is served now", () => {
    const ingress = lookupKubernetesKind("extensions/v1beta1", "Ingress");
    expect(ingress).toMatchObject({ status: "unknown", suggestion: "networking.k8s.io/v1 Ingress" });
    expect(ingress.status === "unknown" && ingress.message).toMatch(
      /does not serve Ingress at extensions\/v1beta1; it is served at networking\.k8s\.io\/v1/,
    );
    expect(lookupKubernetesKind("apps/v1beta2", "Deployment")).toMatchObject({
      suggestion: "apps/v1 Deployment",
    });
    expect(lookupKubernetesKind("batch/v1beta1", "CronJob")).toMatchObject({
      suggestion: "batch/v1 CronJob",
    });
    expect(lookupKubernetesKind("v1", "Deployment")).toMatchObject({ suggestion: "apps/v1 Deployment" });
  });

  it("suggests nothing when nothing is near", () => {
    const lookup = lookupKubernetesKind("apps/v1", "Frobnicator");
    expect(lookup.status).toBe("unknown");
    expect(lookup).not.toHaveProperty("suggestion");
  });

  it("leaves every group Kubernetes does not own to custom resources", () => {
    for (const [apiVersion, kind] of [
      ["gateway.networking.k8s.io/v1", "Gateway"],
      ["cert-manager.io/v1", "Certificate"],
      ["example.com/v1", "Deploymnet"],
      ["snapshot.storage.k8s.io/v1", "VolumeSnapshot"],
    ])
      expect(lookupKubernetesKind(apiVersion as string, kind as string)).toEqual({ status: "custom" });
  });
});

describe("editDistance", () => {
  it("counts an adjacent swap as one edit and stops at its cap", () => {
    expect(editDistance("deploymnet", "deployment")).toBe(1);
    expect(editDistance("service", "secret")).toBe(5);
    expect(editDistance("a", "abcdefgh", 3)).toBe(3);
  });
});

describe("validateConfiguration on unknown kinds", () => {
  it("reports the component with its suggestion and does not check its fields", () => {
    const imported = importKubernetesManifests(`apiVersion: v1
kind: Pod
metadata: { name: fine }
spec: { containers: [{ name: app, image: nginx }] }
---
apiVersion: apps/v1
kind: Deploymnet
metadata: { name: web }
spec: { replicas: "not checked" }
`);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    const report = validateConfiguration(imported.design);
    expect(report.checked).toBe(1);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: "unknown-kind",
      pointer: "/kind",
      suggestion: "apps/v1 Deployment",
    });
    expect(describeIssue(report.issues[0] as never)).toBe(
      'components[1] Deploymnet "web": apps/v1 has no kind Deploymnet in Kubernetes v1.34.0; did you mean apps/v1 Deployment?',
    );
  });
});

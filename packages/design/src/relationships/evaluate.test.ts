// The exact relationships the engine finds in the two fixtures, and the components it adds.
import { describe, expect, it } from "vitest";
import { parseDesign } from "../format/schema";
import { exportKubernetesObjects } from "../kubernetes/export";
import { builtInRelationshipDefinitions } from "./built-in-definitions";
import { evaluateRelationships } from "./evaluate";
import { componentByName, fixtureDesign, relationshipLines } from "./fixtures/designs";

const definitions = builtInRelationshipDefinitions();

describe("evaluateRelationships on the three-tier shop", () => {
  const result = evaluateRelationships(fixtureDesign("three-tier"), definitions);

  it("finds exactly the relationships the manifests imply", () => {
    expect(relationshipLines(result.design)).toEqual([
      "edge-binding-firewall Deployment/api -> StatefulSet/db via NetworkPolicy/db-from-api",
      "edge-binding-permission Role/config-reader -> ServiceAccount/api via RoleBinding/api-reads-config",
      "edge-non-binding-network Ingress/shop -> Service/api",
      "edge-non-binding-network Ingress/shop -> Service/web",
      "edge-non-binding-network Service/api -> Deployment/api",
      "edge-non-binding-network Service/web -> Deployment/web",
      "edge-non-binding-reference ConfigMap/shop-config -> Deployment/web",
      "edge-non-binding-reference PersistentVolumeClaim/uploads -> Deployment/api",
      "edge-non-binding-reference Secret/db-credentials -> Deployment/api",
      "edge-non-binding-reference Secret/db-credentials -> StatefulSet/db",
      "edge-non-binding-reference ServiceAccount/api -> Deployment/api",
      "hierarchical-parent-alias Container/api -> Deployment/api",
      "hierarchical-parent-alias Container/postgres -> StatefulSet/db",
      "hierarchical-parent-alias Container/report -> CronJob/nightly-report",
      "hierarchical-parent-alias Container/web -> Deployment/web",
      "hierarchical-parent-inventory ConfigMap/shop-config -> Namespace/shop",
      "hierarchical-parent-inventory CronJob/nightly-report -> Namespace/default",
      "hierarchical-parent-inventory Deployment/api -> Namespace/shop",
      "hierarchical-parent-inventory Deployment/web -> Namespace/shop",
      "hierarchical-parent-inventory Ingress/shop -> Namespace/shop",
      "hierarchical-parent-inventory NetworkPolicy/db-from-api -> Namespace/shop",
      "hierarchical-parent-inventory PersistentVolumeClaim/uploads -> Namespace/shop",
      "hierarchical-parent-inventory Role/config-reader -> Namespace/shop",
      "hierarchical-parent-inventory RoleBinding/api-reads-config -> Namespace/shop",
      "hierarchical-parent-inventory Secret/db-credentials -> Namespace/shop",
      "hierarchical-parent-inventory Service/api -> Namespace/shop",
      "hierarchical-parent-inventory Service/web -> Namespace/shop",
      "hierarchical-parent-inventory ServiceAccount/api -> Namespace/shop",
      "hierarchical-parent-inventory StatefulSet/db -> Namespace/shop",
    ]);
    expect(result.converged).toBe(true);
  });

  it("adds the Namespace the CronJob lives in, which the manifests never declared", () => {
    const added = componentByName(result.design, "Namespace", "default");
    expect(added.component.version).toBe("v1");
    expect(added.configuration).toEqual({ metadata: { name: "default" } });
    expect(added.metadata.isAnnotation).toBe(false);
    expect(result.trace.componentsAdded.map((c) => `${c.component.kind}/${c.displayName}`).sort()).toEqual([
      "Container/api",
      "Container/postgres",
      "Container/report",
      "Container/web",
      "Namespace/default",
    ]);
    const why = result.trace.reasons.find((r) => r.id === added.id);
    expect(why?.reason).toBe(
      "CronJob default/nightly-report names Namespace default, which the design lacks",
    );
  });

  it("records alias nodes in resolvedAliases and keeps them out of exported manifests", () => {
    const aliases = result.design.metadata?.resolvedAliases as Record<
      string,
      { immediateRefFieldPath: string[] }
    >;
    const web = componentByName(result.design, "Container", "web");
    expect(aliases[web.id]?.immediateRefFieldPath).toEqual([
      "configuration",
      "spec",
      "template",
      "spec",
      "containers",
      "0",
    ]);
    expect(Object.keys(aliases)).toHaveLength(4);
    const kinds = exportKubernetesObjects(result.design).map((o) => o.kind);
    expect(kinds).not.toContain("Container");
    expect(kinds.filter((k) => k === "Namespace")).toHaveLength(2);
  });

  it("answers in Meshery's evaluation shape: actions for every change, the version bumped", () => {
    const ops = result.actions.map((a) => a.op);
    expect(ops.filter((op) => op === "add_relationship")).toHaveLength(result.design.relationships.length);
    expect(ops.filter((op) => op === "add_component")).toHaveLength(5);
    expect(result.trace.relationshipsAdded).toHaveLength(29);
    expect(result.design.version).toBe("0.0.2");
    expect(result.hash).toMatch(/^[0-9a-f]{32}$/);
  });

  it("returns a design that still validates against the design schema", () => {
    const parsed = parseDesign(JSON.parse(JSON.stringify(result.design)));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });
});

describe("evaluateRelationships on the payments platform", () => {
  const result = evaluateRelationships(fixtureDesign("payments"), definitions);

  it("covers cluster RBAC, egress, init containers, image pull secrets, TLS and shared labels", () => {
    const lines = relationshipLines(result.design).filter(
      (l) => !l.startsWith("hierarchical-parent-inventory"),
    );
    expect(lines).toEqual([
      "edge-binding-firewall Deployment/checkout -> Job/ledger-export via NetworkPolicy/checkout-egress",
      "edge-binding-permission ClusterRole/node-reader -> ServiceAccount/checkout via RoleBinding/checkout-reads-nodes",
      "edge-binding-permission ClusterRole/node-reader -> ServiceAccount/node-agent via ClusterRoleBinding/node-agent-reads-nodes",
      "edge-non-binding-network Ingress/payments -> Service/checkout",
      "edge-non-binding-network Service/checkout -> Deployment/checkout",
      "edge-non-binding-reference ConfigMap/checkout-settings -> Deployment/checkout",
      "edge-non-binding-reference ConfigMap/checkout-settings -> Job/ledger-export",
      "edge-non-binding-reference Secret/gateway-keys -> Deployment/checkout",
      "edge-non-binding-reference Secret/payments-tls -> Ingress/payments",
      "edge-non-binding-reference Secret/registry -> Deployment/checkout",
      "edge-non-binding-reference ServiceAccount/checkout -> Deployment/checkout",
      "edge-non-binding-reference ServiceAccount/node-agent -> DaemonSet/node-agent",
      "edge-sibling-matchLabels Deployment/checkout,Job/ledger-export,Namespace/monitoring -> Deployment/checkout,Job/ledger-export,Namespace/monitoring",
      "hierarchical-parent-alias Container/agent -> DaemonSet/node-agent",
      "hierarchical-parent-alias Container/checkout -> Deployment/checkout",
      "hierarchical-parent-alias Container/export -> Job/ledger-export",
      "hierarchical-parent-alias Container/metrics -> Deployment/checkout",
    ]);
  });

  it("puts every namespaced resource under its Namespace, adding the payments Namespace", () => {
    const inventory = relationshipLines(result.design).filter((l) =>
      l.startsWith("hierarchical-parent-inventory"),
    );
    expect(inventory.filter((l) => l.endsWith("-> Namespace/monitoring"))).toEqual([
      "hierarchical-parent-inventory DaemonSet/node-agent -> Namespace/monitoring",
      "hierarchical-parent-inventory ServiceAccount/node-agent -> Namespace/monitoring",
    ]);
    expect(inventory.filter((l) => l.endsWith("-> Namespace/payments"))).toHaveLength(12);
    expect(inventory).toHaveLength(14);
    expect(
      result.trace.componentsAdded.filter((c) => c.component.kind === "Namespace").map((c) => c.displayName),
    ).toEqual(["payments"]);
  });

  it("never relates across namespaces: the node agent's secret lives elsewhere", () => {
    expect(relationshipLines(result.design)).not.toContain(
      "edge-non-binding-reference Secret/gateway-keys -> DaemonSet/node-agent",
    );
    expect(relationshipLines(result.design).filter((l) => l.includes("Service/orphan"))).toEqual([
      "hierarchical-parent-inventory Service/orphan -> Namespace/payments",
    ]);
  });
});

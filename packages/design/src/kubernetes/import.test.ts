import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseDesign } from "../format/schema";
import { exportKubernetesManifests, exportKubernetesObjects } from "./export";
import { importKubernetesManifests } from "./import";

const threeTier = readFileSync(new URL("../fixtures/three-tier.yaml", import.meta.url), "utf8");

function counter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}

function imported(text: string) {
  const result = importKubernetesManifests(text, { name: "shop", newId: counter() });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe("importKubernetesManifests", () => {
  it("turns every resource, List items included, into one component", () => {
    const { design, warnings } = imported(threeTier);
    expect(design.components.map((c) => `${c.component.kind}/${c.displayName}`)).toEqual([
      "Namespace/shop",
      "Ingress/shop",
      "Service/web",
      "Service/api",
      "Deployment/web",
      "Deployment/api",
      "StatefulSet/db",
      "ConfigMap/shop-config",
      "Secret/db-credentials",
      "PersistentVolumeClaim/uploads",
      "ServiceAccount/api",
      "Role/config-reader",
      "RoleBinding/api-reads-config",
      "NetworkPolicy/db-from-api",
      "CronJob/nightly-report",
    ]);
    expect(warnings).toEqual([]);
    expect(parseDesign(design).ok).toBe(true);
  });

  it("keeps configuration without apiVersion, kind and status, and defaults the namespace", () => {
    const { design } = imported(threeTier);
    const byName = (kind: string, name: string) =>
      design.components.find((c) => c.component.kind === kind && c.displayName === name);
    const api = byName("Deployment", "api");
    expect(api?.component.version).toBe("apps/v1");
    expect(Object.keys(api?.configuration ?? {}).sort()).toEqual(["metadata", "spec"]);
    expect(byName("Namespace", "shop")?.metadata.isNamespaced).toBe(false);
    expect(byName("Namespace", "shop")?.configuration.metadata).toEqual({
      name: "shop",
      labels: { team: "storefront" },
    });
    expect(byName("CronJob", "nightly-report")?.configuration.metadata).toEqual({
      name: "nightly-report",
      namespace: "default",
    });
  });

  it("round-trips through manifests without losing a field of any configuration", () => {
    const first = imported(threeTier).design;
    const second = imported(exportKubernetesManifests(first)).design;
    const configurations = (d: typeof first) =>
      new Map(
        d.components.map((c) => [
          `${c.component.version}/${c.component.kind}/${c.displayName}`,
          c.configuration,
        ]),
      );
    expect(configurations(second)).toEqual(configurations(first));

    // Against the source: every original field survives; status is dropped and a missing namespace defaulted.
    const originals = parseAllDocuments(threeTier)
      .map((d) => d.toJS() as Record<string, unknown>)
      .flatMap((r) => (r.kind === "List" ? (r.items as Record<string, unknown>[]) : [r]));
    const exported = exportKubernetesObjects(first);
    for (const original of originals) {
      const { status: _status, ...rest } = original;
      const meta = rest.metadata as { name: string };
      const out = exported.find(
        (o) => o.kind === rest.kind && (o.metadata as { name: string }).name === meta.name,
      );
      expect(out).toMatchObject(rest);
    }
  });

  it("exports in apply order: namespace, identities and configuration before workloads, routing last", () => {
    const kinds = exportKubernetesObjects(imported(threeTier).design).map((o) => o.kind);
    expect(kinds).toEqual([
      "Namespace",
      "ServiceAccount",
      "Secret",
      "ConfigMap",
      "PersistentVolumeClaim",
      "Role",
      "RoleBinding",
      "Service",
      "Service",
      "Deployment",
      "Deployment",
      "StatefulSet",
      "CronJob",
      "Ingress",
      "NetworkPolicy",
    ]);
  });

  it("drops annotation-only components from manifests", () => {
    const { design } = imported(threeTier);
    const first = design.components[0];
    if (!first) throw new Error("no component");
    first.metadata.isAnnotation = true;
    expect(exportKubernetesObjects(design).map((o) => o.kind)).not.toContain("Namespace");
  });

  it("keeps custom resources and says they are not built-in kinds", () => {
    const result = imported(
      "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: { name: shop-tls }\n",
    );
    expect(result.design.components[0]?.component.kind).toBe("Certificate");
    expect(result.warnings).toEqual([
      {
        document: 1,
        line: 1,
        message:
          "cert-manager.io/v1 Certificate is not a built-in Kubernetes kind: kept as a custom resource",
      },
    ]);
  });
});

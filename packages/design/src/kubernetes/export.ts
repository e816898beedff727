// A design back into Kubernetes objects and multi-document YAML, annotations dropped, in apply order.
import { stringify } from "yaml";
import type { Design } from "../format/schema";
import { applyRank } from "./kinds";

export type KubernetesObject = { apiVersion: string; kind: string } & Record<string, unknown>;

export function exportKubernetesObjects(design: Design): KubernetesObject[] {
  const objects = design.components
    .filter((c) => !c.metadata.isAnnotation)
    .map((c) => ({ apiVersion: c.component.version, kind: c.component.kind, ...c.configuration }));
  return objects
    .map((object, index) => ({ object, index, key: sortKey(object) }))
    .sort(
      (a, b) =>
        a.key[0] - b.key[0] ||
        compare(a.key[1], b.key[1]) ||
        compare(a.key[2], b.key[2]) ||
        a.index - b.index,
    )
    .map(({ object }) => object);
}

export function exportKubernetesManifests(design: Design): string {
  return exportKubernetesObjects(design)
    .map((object) => stringify(object, { lineWidth: 0 }))
    .join("---\n");
}

function sortKey(object: KubernetesObject): [number, string, string] {
  const metadata = (object.metadata ?? {}) as { namespace?: unknown; name?: unknown };
  return [applyRank(object.kind), String(metadata.namespace ?? ""), String(metadata.name ?? "")];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

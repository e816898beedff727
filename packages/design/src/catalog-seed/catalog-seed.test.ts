// Every seeded catalog design imports cleanly, is related by the engine as intended, and round-trips.
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { Design } from "../format/schema";
import { exportKubernetesManifests, exportKubernetesObjects } from "../kubernetes/export";
import { importKubernetesManifests } from "../kubernetes/import";
import { isNamespaced } from "../kubernetes/kinds";
import { builtInRelationshipDefinitions } from "../relationships/built-in-definitions";
import { evaluateRelationships } from "../relationships/evaluate";
import { anatomyOf } from "../relationships/instances";
import { CATALOG_TYPES, catalogSeedEntries, loadCatalogSeed } from "./index";

const definitions = builtInRelationshipDefinitions();
const seed = loadCatalogSeed();

// Custom resources a design deliberately holds, each imported with a "kept as a custom resource" warning.
const CUSTOM_RESOURCES: Record<string, string[]> = {};

// Relationships each design exists to show; the engine may find more (siblings, containers, namespaces).
const EXPECTED: Record<string, string[]> = {
  "web-app-postgres": [
    "edge-binding-firewall Deployment/webapp -> StatefulSet/postgres via NetworkPolicy/postgres-from-webapp",
    "edge-non-binding-network Ingress/webapp -> Service/webapp",
    "edge-non-binding-network Service/postgres -> StatefulSet/postgres",
    "edge-non-binding-network Service/webapp -> Deployment/webapp",
    "edge-non-binding-reference ConfigMap/webapp-config -> Deployment/webapp",
    "edge-non-binding-reference PersistentVolumeClaim/postgres-data -> StatefulSet/postgres",
    "edge-non-binding-reference Secret/postgres-credentials -> Deployment/webapp",
    "edge-non-binding-reference Secret/postgres-credentials -> StatefulSet/postgres",
    "edge-non-binding-reference ServiceAccount/webapp -> Deployment/webapp",
    "hierarchical-parent-alias Container/postgres -> StatefulSet/postgres",
    "hierarchical-parent-alias Container/webapp -> Deployment/webapp",
    "hierarchical-parent-inventory Deployment/webapp -> Namespace/webapp",
  ],
};

function counterIds(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
}

function imported(slug: string, manifests: string) {
  const result = importKubernetesManifests(manifests, { name: slug, newId: counterIds() });
  if (!result.ok) throw new Error(`${slug}: ${JSON.stringify(result.errors)}`);
  return result;
}

function relationshipLines(design: Design): string[] {
  const names = new Map(design.components.map((c) => [c.id, `${c.component.kind}/${c.displayName}`]));
  const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? `missing:${id}`).sort();
  return design.relationships
    .map((relationship) => {
      const anatomy = anatomyOf(relationship);
      const via = anatomy.bindingIds.length > 0 ? ` via ${named(anatomy.bindingIds).join(",")}` : "";
      return `${anatomy.className} ${named(anatomy.fromIds).join(",")} -> ${named(anatomy.toIds).join(",")}${via}`;
    })
    .sort();
}

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };

function objectKey(object: Manifest): string {
  return [object.apiVersion, object.kind, object.metadata.namespace ?? "", object.metadata.name].join("/");
}

function byKey(objects: readonly Manifest[]): Manifest[] {
  return [...objects].sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1));
}

function documentsOf(manifests: string): Manifest[] {
  return parseAllDocuments(manifests)
    .flatMap((doc) => (Array.isArray(doc) ? doc : [doc]))
    .map((doc) => doc.toJS() as Manifest)
    .filter((object) => object !== null);
}

describe("the catalog seed's metadata", () => {
  it("holds at least eighteen designs with unique slugs, names and file names", () => {
    expect(catalogSeedEntries.length).toBeGreaterThanOrEqual(18);
    for (const field of ["slug", "name", "file"] as const) {
      const values = catalogSeedEntries.map((entry) => entry[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
  });

  it.each(catalogSeedEntries.map((entry) => [entry.slug, entry] as const))("%s is complete", (_, entry) => {
    expect(entry.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(entry.file).toBe(`${entry.slug}.yaml`);
    expect(entry.name.trim().length).toBeGreaterThan(3);
    expect(entry.description.length).toBeGreaterThanOrEqual(40);
    expect(entry.caveats.length).toBeGreaterThanOrEqual(20);
    expect(CATALOG_TYPES).toContain(entry.type);
    expect(entry.technology[0]).toBe("kubernetes");
    expect(new Set(entry.technology).size).toBe(entry.technology.length);
    expect(entry.class).toBe("official");
  });

  it("covers every catalog type", () => {
    expect(new Set(catalogSeedEntries.map((entry) => entry.type))).toEqual(new Set(CATALOG_TYPES));
  });

  it("loads each entry with its manifests, in catalog order", () => {
    expect(seed.map((design) => design.entry)).toEqual(catalogSeedEntries);
    for (const design of seed) expect(design.manifests.length).toBeGreaterThan(200);
  });

  it("keeps designs apart when several are deployed to one cluster", () => {
    const owners = new Map<string, string>();
    for (const { entry, manifests } of seed) {
      for (const object of documentsOf(manifests)) {
        // Namespaces and cluster-scoped objects must not collide; namespaced ones live in their design's namespace.
        if (isNamespaced(object.kind)) continue;
        const key = `${object.kind}/${object.metadata.name}`;
        expect(owners.get(key), `${key} in ${entry.slug}`).toBeUndefined();
        owners.set(key, entry.slug);
      }
    }
  });
});

describe.each(seed.map((design) => [design.entry.slug, design] as const))(
  "catalog design %s",
  (slug, design) => {
    const { design: importedDesign, warnings } = imported(slug, design.manifests);
    const evaluation = evaluateRelationships(importedDesign, definitions);
    const lines = relationshipLines(evaluation.design);

    it("imports with no warnings but its documented custom resources", () => {
      const custom = warnings.map((w) => w.message.split(" is not a built-in")[0]);
      expect(custom.sort()).toEqual([...(CUSTOM_RESOURCES[slug] ?? [])].sort());
    });

    it("declares a namespace for every namespaced object and every Namespace it uses", () => {
      const objects = documentsOf(design.manifests);
      const declared = new Set(objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name));
      expect(declared.size).toBeGreaterThan(0);
      for (const object of objects.filter((o) => isNamespaced(o.kind))) {
        expect(object.metadata.namespace, objectKey(object)).toBeDefined();
        expect(declared, objectKey(object)).toContain(object.metadata.namespace);
      }
    });

    it("is related by the engine as the design intends, converging without adding namespaces", () => {
      expect(evaluation.converged).toBe(true);
      expect(evaluation.design.relationships.length).toBeGreaterThan(0);
      expect(lines).toEqual(expect.arrayContaining(EXPECTED[slug] ?? []));
      const added = evaluation.trace.componentsAdded.map((c) => c.component.kind);
      expect(added.filter((kind) => kind !== "Container")).toEqual([]);
    });

    it("round-trips through export and import without losing a field", () => {
      const exported = exportKubernetesManifests(importedDesign);
      expect(byKey(documentsOf(exported))).toEqual(byKey(documentsOf(design.manifests)));
      const again = imported(slug, exported);
      expect(exportKubernetesObjects(again.design)).toEqual(exportKubernetesObjects(importedDesign));
      // The evaluated design exports the same objects: alias containers are annotations, nothing else was added.
      expect(byKey(exportKubernetesObjects(evaluation.design) as Manifest[])).toEqual(
        byKey(documentsOf(design.manifests)),
      );
    });
  },
);

it("expects relationships only of designs that exist", () => {
  const slugs = new Set(catalogSeedEntries.map((entry) => entry.slug));
  for (const slug of [...Object.keys(EXPECTED), ...Object.keys(CUSTOM_RESOURCES)])
    expect(slugs).toContain(slug);
  for (const slug of slugs) expect(EXPECTED[slug]?.length, slug).toBeGreaterThan(0);
});

// CRDs reported in a cluster's inventory become registry models: one model per API group, its served versions as
// components. They belong to the reporting organisation alone: another tenant never sees its groups, kinds or schemas.

import { listInventoryCrdsOfGroup, upsertModelBundle } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import {
  type CrdComponentDefinition,
  crdToComponentDefinitions,
  RegistryInputError,
} from "@meshplane/registry";

type Scope = { organizationId: string; connectionId: string };

const groupOfCrd = (crd: Record<string, unknown>) => {
  const group = (crd.spec as { group?: unknown } | undefined)?.group;
  return typeof group === "string" && group ? group : undefined;
};

async function contentVersion(definitions: CrdComponentDefinition[]): Promise<string> {
  const canonical = JSON.stringify(
    definitions
      .map((d) => [d.apiVersion, d.kind, d.schema, d.metadata])
      .sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`)),
  );
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical)));
  // A pre-release of 0.0.0: it sorts below every curated release, so a cluster's CRDs never shadow one.
  return `0.0.0-crd.${[...digest.slice(0, 6)].map((byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Stores the component definitions of one API group's CRDs as a registry model of the organisation whose
 * cluster reported them; it never lands in the shared registry. The registry keeps a model's components
 * exactly as the bundle lists them, so the bundle always carries every CRD of the group; its version is
 * derived from the content, so two clusters with different CRD sets never overwrite each other.
 */
export async function storeCrdComponentDefinitions(
  db: Db,
  organizationId: string,
  group: string,
  definitions: CrdComponentDefinition[],
): Promise<void> {
  const first = definitions[0];
  if (!first) return;
  await upsertModelBundle(
    db,
    {
      model: {
        name: first.modelName,
        version: await contentVersion(definitions),
        displayName: group,
        category: "Uncategorized",
        subCategory: "",
        status: "enabled",
        metadata: { source: "crd", group },
      },
      components: definitions.map((d) => ({
        kind: d.kind,
        apiVersion: d.apiVersion,
        displayName: d.displayName,
        schema: d.schema,
        metadata: d.metadata,
      })),
      relationships: [],
    },
    { organizationId },
  );
}

/** Re-derives the registry model of every group one of `changed` belongs to; malformed CRDs are left out. */
export async function registerChangedCrds(
  db: Db,
  scope: Scope,
  changed: Record<string, unknown>[],
): Promise<{ groups: string[]; skipped: string[] }> {
  const groups = [...new Set(changed.map(groupOfCrd).filter((g): g is string => g !== undefined))];
  const skipped: string[] = [];
  for (const group of groups) {
    const definitions: CrdComponentDefinition[] = [];
    for (const crd of await listInventoryCrdsOfGroup(db, { ...scope, group })) {
      try {
        definitions.push(...crdToComponentDefinitions(crd));
      } catch (error) {
        if (!(error instanceof RegistryInputError)) throw error;
        skipped.push(error.message);
      }
    }
    await storeCrdComponentDefinitions(db, scope.organizationId, group, definitions);
  }
  return { groups, skipped };
}

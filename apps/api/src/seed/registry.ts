// Seeds the registry with the built-in Kubernetes model and the relationship definitions the engine evaluates.
import { getModel, upsertModelBundle } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import {
  builtInRelationshipDefinitions,
  type RelationshipDefinition as EngineRelationship,
} from "@meshplane/design";
import { kubernetesModelBundle, type ModelBundle, type RelationshipDefinition } from "@meshplane/registry";

/** Where the seed keeps the hash of what it stored, in the model's metadata. */
export const SEED_HASH_KEY = "meshplaneSeedHash";

export type RegistrySeedResult = {
  model: string;
  version: string;
  /** False when the stored model already carried this content's hash, so nothing was written. */
  seeded: boolean;
  components: number;
  relationships: number;
  hash: string;
};

const statuses = new Set<RelationshipDefinition["status"]>(["enabled", "ignored", "deleted"]);

/** An engine definition as the registry stores it; Meshery's id and versions stay in its metadata. */
function storedRelationship(definition: EngineRelationship): RelationshipDefinition {
  const status = definition.status as RelationshipDefinition["status"];
  return {
    kind: definition.kind,
    type: definition.type,
    subType: definition.subType,
    status: statuses.has(status) ? status : "enabled",
    selectors: definition.selectors,
    metadata: {
      ...definition.metadata,
      id: definition.id,
      schemaVersion: definition.schemaVersion,
      version: definition.version,
    },
  };
}

/** The Kubernetes model with the engine's Kubernetes relationship definitions attached. */
export function builtInRegistryBundle(): ModelBundle {
  const bundle = kubernetesModelBundle();
  const relationships = builtInRelationshipDefinitions()
    .filter((definition) => definition.model.name === bundle.model.name)
    .map(storedRelationship);
  return { ...bundle, relationships };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Stores the built-in model unless the stored one already has this content's hash, so a restart costs one
 * hash and one read. The one-machine mode calls it on every start; the distributed mode runs it as a deploy
 * step after the migrations (it uses only Web APIs, so a Worker or a Node script can run it), with a
 * client that supports transactions (the Neon pool, not the HTTP driver).
 */
export async function seedRegistry(
  db: Db,
  bundle: ModelBundle = builtInRegistryBundle(),
): Promise<RegistrySeedResult> {
  const hash = await sha256Hex(JSON.stringify(bundle));
  const { name, version } = bundle.model;
  const result = { model: name, version, hash, components: bundle.components.length };
  const stored = await getModel(db, { name, version });
  if (stored?.metadata[SEED_HASH_KEY] === hash) {
    return { ...result, seeded: false, relationships: stored.relationshipCount };
  }
  const written = await upsertModelBundle(db, {
    ...bundle,
    model: { ...bundle.model, metadata: { ...bundle.model.metadata, [SEED_HASH_KEY]: hash } },
  });
  return { ...result, seeded: true, components: written.components, relationships: written.relationships };
}

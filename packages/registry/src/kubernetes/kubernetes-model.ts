// The built-in Kubernetes model: every served kind as a component definition, from the generated OpenAPI snapshot.
import {
  type ComponentDefinition,
  displayNameOfKind,
  type JsonSchema,
  type ModelBundle,
} from "../definitions";
import generated from "./generated/kubernetes-model.json" with { type: "json" };

export type KubernetesKind = {
  kind: string;
  apiVersion: string;
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
  stability: "stable" | "beta" | "alpha";
  verbs: string[];
  schema: JsonSchema;
};

type GeneratedModel = {
  kubernetesVersion: string;
  source: string;
  kinds: KubernetesKind[];
  definitions: Record<string, JsonSchema>;
};

// Typed once here: TypeScript's inferred type of a megabyte of JSON is both slow and useless.
const model = generated as unknown as GeneratedModel;

/** The Kubernetes release the snapshot was generated from, such as "v1.34.0". */
export const KUBERNETES_VERSION = model.kubernetesVersion;
export const KUBERNETES_MODEL_SOURCE = model.source;

export function kubernetesKinds(): readonly KubernetesKind[] {
  return model.kinds;
}

const REF = "#/$defs/";

/** The names of the shared definitions a schema reaches, directly or through other definitions. */
function reachableDefinitions(root: unknown, definitions: Record<string, JsonSchema>): string[] {
  const found = new Set<string>();
  const pending: unknown[] = [root];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.startsWith(REF)) {
          const name = value.slice(REF.length);
          if (!found.has(name) && definitions[name]) {
            found.add(name);
            pending.push(definitions[name]);
          }
        } else pending.push(value);
      }
    }
  }
  return [...found].sort();
}

/** A kind's schema as one self-contained JSON Schema document, with only the definitions it uses. */
export function kubernetesKindSchema(kind: KubernetesKind): JsonSchema {
  const $defs: Record<string, JsonSchema> = {};
  for (const name of reachableDefinitions(kind.schema, model.definitions)) {
    $defs[name] = model.definitions[name] as JsonSchema;
  }
  return { $schema: "https://json-schema.org/draft/2020-12/schema", ...kind.schema, $defs };
}

export function kubernetesComponentDefinition(kind: KubernetesKind): ComponentDefinition {
  return {
    kind: kind.kind,
    apiVersion: kind.apiVersion,
    displayName: displayNameOfKind(kind.kind),
    schema: kubernetesKindSchema(kind),
    metadata: {
      description: typeof kind.schema.description === "string" ? kind.schema.description : "",
      group: kind.group,
      version: kind.version,
      plural: kind.plural,
      isNamespaced: kind.namespaced,
      stability: kind.stability,
      verbs: kind.verbs,
      source: KUBERNETES_MODEL_SOURCE,
    },
  };
}

/**
 * The Kubernetes model as Meshery names it: "kubernetes" at definition version v1.0.0, with the Kubernetes
 * release in `metadata.model.version`, so designs referencing Meshery's model resolve to this one.
 */
export function kubernetesModelBundle(): ModelBundle {
  return {
    model: {
      name: "kubernetes",
      version: "v1.0.0",
      displayName: "Kubernetes",
      category: "Orchestration & Management",
      subCategory: "Scheduling & Orchestration",
      status: "enabled",
      metadata: {
        description: `Kubernetes ${KUBERNETES_VERSION} built-in resources`,
        model: { version: KUBERNETES_VERSION },
        registrant: { kind: "github", name: "Github" },
        primaryColor: "#326CE5",
        secondaryColor: "#7aa1f0",
        shape: "circle",
        source: KUBERNETES_MODEL_SOURCE,
      },
    },
    components: model.kinds.map(kubernetesComponentDefinition),
    relationships: [],
  };
}

// Custom resources as registry components: one component definition per served version of a CRD.
import { type ComponentDefinition, displayNameOfKind, RegistryInputError } from "../definitions";
import { describeIssues } from "../zod-issues";
import { customResourceDefinitionShape } from "./crd-shape";

export type CrdComponentDefinition = ComponentDefinition & {
  /** The registry model the component belongs to, derived from the group: "cert-manager.io" → "cert-manager-io". */
  modelName: string;
  group: string;
  version: string;
  plural: string;
  scope: "Namespaced" | "Cluster";
};

/** Meshery model names are `^[a-z0-9-]+$`; a group is a DNS subdomain, so dots are the only thing to replace. */
export function modelNameOfGroup(group: string): string {
  return group.toLowerCase().replace(/\./g, "-");
}

/**
 * Throws RegistryInputError naming the CRD and the offending field when the object is not a valid v1 CRD.
 * Versions with `served: false` are left out: nothing can be created at them.
 */
export function crdToComponentDefinitions(crd: unknown): CrdComponentDefinition[] {
  const parsed = customResourceDefinitionShape.safeParse(crd);
  if (!parsed.success) {
    throw new RegistryInputError(
      `not a valid CustomResourceDefinition: ${describeIssues(parsed.error)}`,
      crdLabel(crd),
    );
  }
  const { metadata, spec } = parsed.data;
  return spec.versions
    .filter((version) => version.served)
    .map((version) => ({
      kind: spec.names.kind,
      apiVersion: `${spec.group}/${version.name}`,
      displayName: displayNameOfKind(spec.names.kind),
      schema: version.schema?.openAPIV3Schema ?? {},
      modelName: modelNameOfGroup(spec.group),
      group: spec.group,
      version: version.name,
      plural: spec.names.plural,
      scope: spec.scope,
      metadata: {
        description: describedBy(version.schema?.openAPIV3Schema),
        group: spec.group,
        version: version.name,
        plural: spec.names.plural,
        isNamespaced: spec.scope === "Namespaced",
        source: "crd",
        crdName: metadata.name,
        storage: version.storage,
        ...(spec.names.shortNames ? { shortNames: spec.names.shortNames } : {}),
        ...(version.deprecated
          ? { deprecated: true, deprecationWarning: version.deprecationWarning ?? "" }
          : {}),
      },
    }));
}

function describedBy(schema: Record<string, unknown> | undefined): string {
  return typeof schema?.description === "string" ? schema.description : "";
}

/** Names the CRD in errors when its name can be read at all. */
function crdLabel(crd: unknown): string {
  const name = (crd as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  return typeof name === "string" && name ? `CustomResourceDefinition ${name}` : "CustomResourceDefinition";
}

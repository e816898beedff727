// Meshery-shaped model parts, each labelled with where it came from, turned into one bundle ready to store.
import type { z } from "zod";
import {
  type ComponentDefinition,
  displayNameOfKind,
  type JsonSchema,
  type ModelBundle,
  RegistryInputError,
  type RelationshipDefinition,
} from "../definitions";
import { describeIssues } from "../zod-issues";
import {
  type MesheryComponent,
  type MesheryModel,
  type MesheryRelationship,
  mesheryComponentShape,
  mesheryModelShape,
  mesheryRelationshipShape,
} from "./meshery-shapes";

/** A parsed JSON value and the file (or file and index) it came from, for error messages. */
export type Sourced = { source: string; value: unknown };

function parsed<T>(shape: z.ZodType<T>, item: Sourced, what: string): T {
  const result = shape.safeParse(item.value);
  if (!result.success)
    throw new RegistryInputError(`is not a Meshery ${what}: ${describeIssues(result.error)}`, item.source);
  return result.data;
}

/** Drops undefined and null entries so metadata stays small and JSON-stable. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
  );
}

function componentSchema(component: MesheryComponent, source: string): JsonSchema {
  if (component.format === "CUE")
    throw new RegistryInputError("has a CUE schema; only JSON schemas are supported", source);
  const schema = component.component.schema;
  if (schema === undefined || schema === null || schema === "") return {};
  if (typeof schema !== "string") return schema;
  let value: unknown;
  try {
    value = JSON.parse(schema);
  } catch (error) {
    throw new RegistryInputError(`component.schema is not valid JSON (${(error as Error).message})`, source);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new RegistryInputError("component.schema is not a JSON object", source);
  }
  return value as JsonSchema;
}

function checkSameModel(
  item: { model?: { name: string } | null },
  model: MesheryModel,
  source: string,
): void {
  const name = item.model?.name;
  if (name && name !== model.name) {
    throw new RegistryInputError(`belongs to model "${name}", not to "${model.name}"`, source);
  }
}

function toComponent(item: Sourced, model: MesheryModel): ComponentDefinition {
  const component = parsed(mesheryComponentShape, item, "component definition");
  checkSameModel(component, model, item.source);
  const { kind, version: apiVersion } = component.component;
  const slash = apiVersion.lastIndexOf("/");
  return {
    kind,
    apiVersion,
    displayName: component.displayName || displayNameOfKind(kind),
    schema: componentSchema(component, item.source),
    metadata: present({
      ...(component.metadata ?? {}),
      description: component.description ?? "",
      group: slash < 0 ? "" : apiVersion.slice(0, slash),
      version: apiVersion.slice(slash + 1),
      format: component.format ?? "JSON",
      styles: component.styles,
      capabilities: component.capabilities,
      status: component.status,
      schemaVersion: component.schemaVersion,
      definitionVersion: component.version,
      mesheryId: component.id,
    }),
  };
}

function toRelationship(item: Sourced, model: MesheryModel): RelationshipDefinition {
  const relationship: MesheryRelationship = parsed(mesheryRelationshipShape, item, "relationship definition");
  checkSameModel(relationship, model, item.source);
  return {
    kind: relationship.kind,
    type: relationship.type,
    subType: relationship.subType,
    status: relationship.status ?? "enabled",
    selectors: relationship.selectors,
    metadata: present({
      ...(relationship.metadata ?? {}),
      capabilities: relationship.capabilities,
      evaluationQuery: relationship.evaluationQuery || undefined,
      schemaVersion: relationship.schemaVersion,
      definitionVersion: relationship.version,
      mesheryId: relationship.id,
    }),
  };
}

/** Meshery treats components with the same kind and apiVersion in one model as duplicates; we refuse them. */
function refuseDuplicates(components: ComponentDefinition[], sources: string[]): void {
  const firstSeen = new Map<string, string>();
  components.forEach((component, index) => {
    const key = `${component.apiVersion} ${component.kind}`;
    const source = sources[index] ?? "";
    const earlier = firstSeen.get(key);
    if (earlier !== undefined)
      throw new RegistryInputError(`duplicates ${key}, already defined by ${earlier}`, source);
    firstSeen.set(key, source);
  });
}

export function normalizeMesheryModel(
  model: Sourced,
  components: Sourced[],
  relationships: Sourced[],
): ModelBundle {
  const definition = parsed(mesheryModelShape, model, "model definition");
  const category = typeof definition.category === "string" ? definition.category : definition.category?.name;
  const normalizedComponents = components.map((item) => toComponent(item, definition));
  refuseDuplicates(
    normalizedComponents,
    components.map((item) => item.source),
  );
  return {
    model: {
      name: definition.name,
      version: definition.version,
      displayName: definition.displayName || definition.name,
      category: category || "Uncategorized",
      subCategory: definition.subCategory ?? "",
      status: definition.status ?? "enabled",
      metadata: present({
        ...(definition.metadata ?? {}),
        description: definition.description ?? "",
        model: definition.model ?? undefined,
        registrant: definition.registrant
          ? present({ kind: definition.registrant.kind, name: definition.registrant.name })
          : undefined,
        schemaVersion: definition.schemaVersion,
        mesheryId: definition.id,
      }),
    },
    components: normalizedComponents,
    relationships: relationships.map((item) => toRelationship(item, definition)),
  };
}

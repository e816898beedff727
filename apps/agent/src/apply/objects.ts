// Owns the shape of the Kubernetes objects a design carries: references, keys, labels, and what apply must not send.

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export const FIELD_MANAGER = "meshplane";
// Meshery's own design labels, so Meshery and Meshplane recognise each other's objects.
export const DESIGN_ID_LABEL = "design.meshery.io/id";
export const DESIGN_VERSION_ANNOTATION = "design.meshery.io/version";
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY = "meshplane-agent";

export function isKubeObject(value: unknown): value is KubeObject {
  if (!value || typeof value !== "object") return false;
  const object = value as Partial<KubeObject>;
  return (
    typeof object.apiVersion === "string" &&
    typeof object.kind === "string" &&
    typeof object.metadata === "object" &&
    object.metadata !== null &&
    typeof object.metadata.name === "string"
  );
}

export function refOf(object: KubeObject, uid?: string): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    name: object.metadata.name,
    ...(uid ? { uid } : {}),
  };
}

/** Identity across versions of the same group: a redeploy moving apps/v1beta1 to apps/v1 is not a prune. */
export function keyOf(ref: ObjectRef): string {
  const group = ref.apiVersion.includes("/") ? ref.apiVersion.split("/")[0] : "";
  return `${group}/${ref.kind}/${ref.namespace ?? ""}/${ref.name}`;
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;
}

/**
 * The body to apply: server-owned fields removed (apply rejects managedFields, and a stale resourceVersion
 * would turn into a conflict), and the design's labels added so prune and undeploy can find it later.
 */
export function prepareForApply(
  object: KubeObject,
  design: { id: string; version?: string | undefined },
): KubeObject {
  const { status: _status, ...rest } = object;
  const {
    managedFields: _managedFields,
    resourceVersion: _resourceVersion,
    uid: _uid,
    creationTimestamp: _creationTimestamp,
    generation: _generation,
    selfLink: _selfLink,
    ...metadata
  } = object.metadata;
  return {
    ...rest,
    metadata: {
      ...metadata,
      name: object.metadata.name,
      labels: { ...object.metadata.labels, [DESIGN_ID_LABEL]: design.id, [MANAGED_BY_LABEL]: MANAGED_BY },
      ...(design.version
        ? { annotations: { ...object.metadata.annotations, [DESIGN_VERSION_ANNOTATION]: design.version } }
        : {}),
    },
  } as KubeObject;
}

const rank = (kind: string) => (kind === "CustomResourceDefinition" ? 0 : kind === "Namespace" ? 1 : 2);

/** CRDs, then Namespaces, then the rest in the order the design gave; stable, so that order holds. */
export function applyOrder<T extends { kind: string }>(objects: readonly T[]): T[] {
  return objects
    .map((object, index) => ({ object, index }))
    .sort((a, b) => rank(a.object.kind) - rank(b.object.kind) || a.index - b.index)
    .map(({ object }) => object);
}

// Components the engine creates (missing inventory parents, alias nodes), shaped like imported ones.
import { COMPONENT_SCHEMA_VERSION, type Component } from "../format/schema";
import { isNamespaced } from "../kubernetes/kinds";
import { kubernetesModel, kubernetesModelReference } from "../kubernetes/model";

export type ComponentRequest = {
  id: string;
  kind: string;
  /** The model the definition names for this side ("kubernetes", "meshery-core"). */
  model: string;
  displayName: string;
  /** Annotations are drawn but never deployed (aliases only show part of their parent). */
  isAnnotation: boolean;
};

/** Returns undefined when it cannot build that kind; the engine then leaves the gap and says so in the trace. */
export type ComponentFactory = (request: ComponentRequest) => Component | undefined;

// Without a registry at hand, the engine knows the apiVersion of the kinds its definitions may create.
const KUBERNETES_API_VERSIONS: Readonly<Record<string, string>> = { Namespace: "v1" };

const MESHERY_CORE_VERSION = "v0.7.2";

export const mesheryCoreModel = {
  ...kubernetesModel,
  id: "d5c3a1e9-4b2f-4e6a-8c7d-1f0e9b8a7c66",
  name: "meshery-core",
  displayName: "Meshery Core",
  description: "Meshery's own logical components",
  model: { version: MESHERY_CORE_VERSION },
};

export const mesheryCoreModelReference = {
  ...kubernetesModelReference,
  id: mesheryCoreModel.id,
  name: mesheryCoreModel.name,
  displayName: mesheryCoreModel.displayName,
  model: { version: MESHERY_CORE_VERSION },
};

export const createBuiltInComponent: ComponentFactory = (request) => {
  if (request.model === "kubernetes") {
    const apiVersion = KUBERNETES_API_VERSIONS[request.kind];
    if (apiVersion === undefined) return undefined;
    return component(request, apiVersion, kubernetesModel, kubernetesModelReference, {
      metadata: { name: request.displayName },
    });
  }
  if (request.model === "meshery-core") {
    return component(request, "core.meshery.io/v1alpha1", mesheryCoreModel, mesheryCoreModelReference, {});
  }
  return undefined;
};

function component(
  request: ComponentRequest,
  apiVersion: string,
  model: typeof kubernetesModel,
  modelReference: typeof kubernetesModelReference,
  configuration: Record<string, unknown>,
): Component {
  return {
    id: request.id,
    schemaVersion: COMPONENT_SCHEMA_VERSION,
    version: "v1.0.0",
    displayName: request.displayName,
    description: "",
    format: "JSON",
    // Shared, as the importer shares the Kubernetes model among the components it creates.
    model,
    modelReference,
    component: { version: apiVersion, kind: request.kind, schema: "" },
    configuration,
    metadata: {
      genealogy: "",
      isAnnotation: request.isAnnotation,
      isNamespaced: request.model === "kubernetes" && isNamespaced(request.kind),
      published: false,
      instanceDetails: {},
      configurationUISchema: "",
    },
  };
}

// The Kubernetes model as a design embeds it in each component, with the fields Meshery's schema requires.
const REGISTRANT = {
  id: "7e4b4b5e-9d3a-4d1e-8c0a-2f6c7b0d9a11",
  schemaVersion: "connections.meshery.io/v1beta1",
  name: "github",
  type: "registry",
  subType: "git",
  kind: "github",
  status: "discovered",
} as const;

const CATEGORY = {
  id: "3c1f0a9e-5b7d-4f2a-9e6c-8d4b2a1c0f33",
  name: "Orchestration & Management",
  metadata: {},
} as const;

export const KUBERNETES_VERSION = "v1.35.0";

export const kubernetesModel = {
  id: "a1f3c2d4-6b8e-4c0a-9f1e-5d7b3a9c2e44",
  schemaVersion: "models.meshery.io/v1beta1",
  name: "kubernetes",
  displayName: "Kubernetes",
  description: "Kubernetes built-in resources",
  version: "v1.0.0",
  status: "enabled",
  subCategory: "Scheduling & Orchestration",
  model: { version: KUBERNETES_VERSION },
  registrant: REGISTRANT,
  registrantId: REGISTRANT.id,
  category: CATEGORY,
  categoryId: CATEGORY.id,
  relationshipsCount: 0,
  componentsCount: 0,
  components: [],
  relationships: [],
};

export const kubernetesModelReference = {
  id: kubernetesModel.id,
  name: kubernetesModel.name,
  version: kubernetesModel.version,
  displayName: kubernetesModel.displayName,
  model: { version: KUBERNETES_VERSION },
  registrant: { kind: REGISTRANT.kind },
};

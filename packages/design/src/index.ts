// The design format and its Kubernetes import and export, shared by the API and the web app.
export * from "./format/schema";
export * from "./kubernetes/export";
export * from "./kubernetes/import";
export { applyRank, CLUSTER_SCOPED_KINDS, isNamespaced } from "./kubernetes/kinds";
export { kubernetesModel, kubernetesModelReference } from "./kubernetes/model";

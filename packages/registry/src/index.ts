// The model registry: Kubernetes model seed, CRD conversion, model import.
export * from "./crd/crd-to-component-definitions";
export * from "./definitions";
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./import/import-limits";
export { importModel } from "./import/import-model";
export * from "./kubernetes/kubernetes-model";

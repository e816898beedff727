// The design format, the seeded catalog designs, its importers (manifests, Compose, Meshery designs, URLs) and exporters, diffs and the relationship engine, shared by the API and the web app.
export { catalogSeedEntries, loadCatalogSeed } from "./catalog-seed/index";
export * from "./compose/index";
export * from "./format/diff";
export * from "./format/schema";
export * from "./import/index";
export * from "./kubernetes/export";
export * from "./kubernetes/import";
export { applyRank, CLUSTER_SCOPED_KINDS, isNamespaced } from "./kubernetes/kinds";
export { kubernetesModel, kubernetesModelReference } from "./kubernetes/model";
export * from "./relationships/index";
// Shadows the unchecked importDesignSource of ./import: every import is checked against the Kubernetes model.
export { importDesignSource } from "./validate/checked-import";
export * from "./validate/index";

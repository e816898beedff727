// The public surface of design import: format detection, dispatch to each importer, and fetching from a URL.
export { addressRefusal } from "./address-policy";
export {
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_MAX_FETCH_BYTES,
  type FetchedSource,
  type FetchRefusal,
  type FetchRefusalCode,
  type FetchSourceOptions,
  fetchDesignSource,
  MAX_REDIRECTS,
  type ResolveHost,
} from "./fetch-source";
export {
  type DesignSource,
  importDesignSource,
  type SourceImportOptions,
  type SourceImportResult,
} from "./import-source";
export { importMesheryDesign } from "./meshery-design";
export { detectSourceFormat, MAX_SOURCE_BYTES, type SourceFormat } from "./source-format";

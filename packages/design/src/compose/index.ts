// The public surface of the Docker Compose importer.
export type { ComposeFiles } from "./config-maps";
export { type ComposeImportOptions, importComposeFile } from "./import";
export { DEFAULT_VOLUME_SIZE } from "./kubernetes-objects";
export { DEPENDS_ON_ANNOTATION, NAME_LABEL } from "./names";
export { MAX_COMPOSE_BYTES } from "./read";
export { VOLUME_SIZE_LABEL } from "./volumes";

// The seeded public catalog: the designs the Meshplane team wrote, their catalog fields and their manifests.
import type { CatalogSeedDesign, CatalogSeedEntry } from "./types";
import { webAppPostgres } from "./web-app-postgres";

export { CATALOG_TYPES, type CatalogSeedDesign, type CatalogSeedEntry, type CatalogType } from "./types";

// Manifests are TypeScript string constants, not files read at run time, so any bundle carries them.
const designs: readonly CatalogSeedDesign[] = [webAppPostgres];

export const catalogSeedEntries: readonly CatalogSeedEntry[] = designs.map((design) => design.entry);

/** Every seeded design with its multi-document manifest YAML, in catalog order. */
export function loadCatalogSeed(): CatalogSeedDesign[] {
  return designs.map((design) => ({ entry: design.entry, manifests: design.manifests }));
}

// The shape of a seeded catalog design: Meshery's catalog fields beside the manifests they describe.

/** Meshery's catalog design types (CatalogData.type). */
export const CATALOG_TYPES = [
  "Deployment",
  "Observability",
  "Resiliency",
  "Scaling",
  "Security",
  "Traffic-management",
  "Troubleshooting",
  "Workloads",
] as const;

export type CatalogType = (typeof CATALOG_TYPES)[number];

export type CatalogSeedEntry = {
  /** Stable identifier, also the base of the download file name. */
  slug: string;
  name: string;
  /** What the design does and why it is built that way (Meshery's patternInfo). */
  description: string;
  type: CatalogType;
  /** Technologies the design needs, Kubernetes first (Meshery's compatibility). */
  technology: readonly string[];
  class: "official";
  /** What to change or install before deploying (Meshery's patternCaveats). */
  caveats: string;
  /** The name the manifests download as: `<slug>.yaml`. */
  file: string;
};

export type CatalogSeedDesign = { entry: CatalogSeedEntry; manifests: string };

// Seeds the public catalog with the team's own designs, owned by a system organisation; safe to run on every start.
import {
  approvePublication,
  createDesign,
  createOrganization,
  getUserByEmail,
  listDesigns,
  listOrganizationsForUser,
  requestPublication,
  upsertUserByEmail,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import { importKubernetesManifests } from "@meshplane/design";
import { frozenSummary } from "../routes/catalog/schema";
import { evaluated, validDesign } from "../routes/designs/pipeline";

export type SeedDesign = {
  slug: string;
  name: string;
  description: string;
  type: string;
  technology: readonly string[];
  caveats: string;
  manifests: string;
};

export const CATALOG_OWNER_EMAIL = "catalog@meshplane.local";
const CATALOG_ORGANIZATION = "Meshplane Catalog";

async function catalogOrganization(db: Db): Promise<{ organizationId: string; userId: string }> {
  const user =
    (await getUserByEmail(db, { email: CATALOG_OWNER_EMAIL })) ??
    (await upsertUserByEmail(db, { email: CATALOG_OWNER_EMAIL, name: "Meshplane" }));
  const existing = (await listOrganizationsForUser(db, { userId: user.id })).find(
    (org) => org.name === CATALOG_ORGANIZATION,
  );
  const organization =
    existing ??
    (await createOrganization(db, {
      name: CATALOG_ORGANIZATION,
      ownerId: user.id,
      description: "Designs the Meshplane team maintains",
    }));
  return { organizationId: organization.id, userId: user.id };
}

/** Publishes every seed design not yet present (by name), as an official entry. Returns how many it added. */
export async function seedCatalog(db: Db, designs: readonly SeedDesign[]): Promise<number> {
  const { organizationId, userId } = await catalogOrganization(db);
  const present = new Set(
    (await listDesigns(db, { organizationId, pageSize: 100 })).designs.map((design) => design.name),
  );
  let added = 0;
  for (const seed of designs) {
    if (present.has(seed.name)) continue;
    const imported = importKubernetesManifests(seed.manifests, { name: seed.name });
    if (!imported.ok)
      throw new Error(`catalog seed ${seed.slug} does not import: ${imported.errors[0]?.message}`);
    const content = evaluated(validDesign(imported.design)).design;
    const { design } = await createDesign(db, {
      organizationId,
      ownerId: userId,
      name: seed.name,
      description: seed.description,
      sourceType: "Kubernetes Manifest",
      content,
      sourceContent: seed.manifests,
      message: "Seeded",
    });
    const request = await requestPublication(db, {
      organizationId,
      designId: design.id,
      requestedById: userId,
      type: seed.type,
      technology: seed.technology[0] ?? "kubernetes",
      caveats: seed.caveats,
      info: seed.description,
    });
    await approvePublication(db, {
      id: request.id,
      reviewerId: userId,
      class: "official",
      frozen: (frozen) => frozenSummary(frozen, seed.description),
    });
    added++;
  }
  return added;
}

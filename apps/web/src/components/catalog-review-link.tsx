// The navigation's link to the review queue, shown to curators only (the API still checks every call).
import { mayReviewCatalog } from "../lib/catalog-review";
import { currentProfile, sessionApiToken } from "../lib/signed-in";

export async function CatalogReviewLink() {
  // Both are cached per request: on a signed-in page this costs no extra call to the API.
  const token = await sessionApiToken();
  const profile = token ? await currentProfile(token).catch(() => undefined) : undefined;
  return profile && mayReviewCatalog(profile) ? <a href="/catalog/review">Review</a> : null;
}

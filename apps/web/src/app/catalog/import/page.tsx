// The curators' model upload: a Meshery model as JSON, or a model directory as .tar or .tar.gz, into the
// registry every tenant shares. Others are told plainly that it needs the Curator or Provider Admin role.
import "../catalog.css";
import { SignedInHeader } from "../../../components/signed-in-header";
import { ApiError } from "../../../lib/api-client";
import { reviewQueue } from "../../../lib/catalog-review";
import { currentProfile, firstParam, requireApiToken } from "../../../lib/signed-in";
import { importModelAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import a model · Meshplane" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Whether the caller curates: the same roles may read the review queue and import models. */
async function curates(token: string): Promise<boolean> {
  try {
    await reviewQueue(token);
    return true;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 403) return false;
    throw failure;
  }
}

export default async function ImportModelPage({ searchParams }: Props) {
  const error = firstParam((await searchParams).error);
  const token = await requireApiToken("/catalog/import");
  const [profile, allowed] = await Promise.all([currentProfile(token), curates(token)]);
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <p className="designs-crumbs muted">
        <a href="/catalog">Catalog</a> / <a href="/catalog/models">Models</a> / Import
      </p>
      <h1>Import a model</h1>
      {!allowed ? (
        <p className="alert" role="alert" data-testid="import-not-allowed">
          Not allowed: importing models needs the Curator or Provider Admin role.
        </p>
      ) : (
        <>
          <p className="muted">
            A Meshery model as exported (<code>.json</code> with its components and relationships), or a model
            directory packed as <code>.tar</code> or <code>.tar.gz</code>, up to 20 MiB. The same name and
            version again replaces what was imported before. Every tenant sees imported models.
          </p>
          {error && (
            <p className="alert" role="alert" data-testid="import-error">
              {error}
            </p>
          )}
          <form action={importModelAction} className="stack" aria-label="Import a model">
            <label className="field">
              Model file
              <input type="file" name="file" accept=".json,.tar,.tar.gz,.tgz,application/json" required />
            </label>
            <div className="row">
              <button type="submit" className="button">
                Import
              </button>
            </div>
          </form>
        </>
      )}
    </main>
  );
}

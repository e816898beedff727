// Publishing one design: request review with the catalog fields, follow the answer, edit or unpublish the entry.
import "../../designs.css";
import "../../../catalog/review/catalog-review.css";
import { notFound } from "next/navigation";
import { CatalogFieldsForm } from "../../../../components/catalog-fields-form";
import {
  CatalogPublicationStatus,
  PublicationHistory,
} from "../../../../components/catalog-publication-status";
import { SignedInHeader } from "../../../../components/signed-in-header";
import { ApiError } from "../../../../lib/api-client";
import { type CatalogFields, publicationOf } from "../../../../lib/catalog-review";
import { getDesign } from "../../../../lib/designs";
import { designPath } from "../../../../lib/designs-format";
import { designsSession } from "../../../../lib/designs-session";
import { firstParam } from "../../../../lib/signed-in";
import { unpublishAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const doneText: Record<string, string> = {
  requested: "Sent to the curators. This page shows their answer.",
  edited: "The catalog fields are saved.",
  unpublished: "Unpublished: the design is no longer in the catalog. It stays in your workspace.",
};

export default async function PublishDesignPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const [done, error] = [firstParam(query.done), firstParam(query.error)];
  const session = await designsSession(designPath(id, "/publish"));
  if (!session.organization) notFound();
  const orgId = session.organization.id;
  const loaded = await Promise.all([
    getDesign(session.token, orgId, id),
    publicationOf(session.token, orgId, id),
  ]).catch((failure: unknown) => {
    // Another organisation's design, or one deleted: 404 here too.
    if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) notFound();
    throw failure;
  });
  const [design, { requests, entry }] = loaded;
  const [latest] = requests;
  const pending = latest?.status === "pending";
  // Asking again only makes sense for a revision the catalog does not have yet.
  const current = entry?.publishedVersion === `v${design.revision}`;
  // The form starts from what the author last sent (or what is published), so a retry is an edit.
  const source = entry ?? latest;
  const initial: CatalogFields = {
    type: source?.type ?? "Deployment",
    technology: source?.technology ?? "kubernetes",
    caveats: source?.caveats ?? "",
    info: source?.info ?? design.description,
  };
  const requestTitle = entry
    ? `Publish revision ${design.revision} (replaces ${entry.publishedVersion} once approved)`
    : latest?.status === "denied"
      ? "Request again"
      : "Request publication";
  return (
    <main className="page design-page">
      <SignedInHeader email={session.profile.email} />
      <p className="designs-crumbs">
        <a href="/designs">Designs</a> / <a href={designPath(id)}>{design.name}</a> / Publish
      </p>
      <h1>Publish “{design.name}” to the catalog</h1>
      {done && doneText[done] && (
        <p className="alert alert-ok" role="status">
          {doneText[done]}
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <section className="panel" aria-labelledby="status-title">
        <h2 id="status-title">Status</h2>
        <CatalogPublicationStatus requests={requests} entry={entry} />
      </section>
      {entry && (
        <section className="panel" aria-labelledby="entry-title">
          <h2 id="entry-title">The published entry</h2>
          <CatalogFieldsForm
            mode="edit"
            designId={design.id}
            entryId={entry.id}
            initial={{
              type: entry.type,
              technology: entry.technology,
              caveats: entry.caveats,
              info: entry.info,
            }}
            submitLabel="Save the catalog fields"
          />
          <details className="design-confirm catalog-unpublish">
            <summary className="button button-danger">Unpublish…</summary>
            <p className="design-small">Anyone's clones stay theirs; the entry leaves the catalog at once.</p>
            <form action={unpublishAction}>
              <input type="hidden" name="designId" value={design.id} />
              <input type="hidden" name="entryId" value={entry.id} />
              <button type="submit" className="button button-danger">
                Yes, unpublish “{entry.name}”
              </button>
            </form>
          </details>
        </section>
      )}
      <section className="panel" aria-labelledby="request-title">
        <h2 id="request-title">{pending ? "Request sent" : current ? "Up to date" : requestTitle}</h2>
        {pending ? (
          <p>A curator will approve it or tell you why not. You can ask again once they have answered.</p>
        ) : current ? (
          <p>
            The catalog has this design's current revision. Change the design, and its next revision can be
            published here.
          </p>
        ) : (
          <CatalogFieldsForm
            mode="request"
            designId={design.id}
            initial={initial}
            submitLabel="Ask the curators to publish"
          />
        )}
      </section>
      {requests.length > 0 && (
        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title">Requests</h2>
          <PublicationHistory requests={requests} />
        </section>
      )}
    </main>
  );
}

// A design's history: every revision, the diff between two picked ones, and restoring an older one.
import "../../designs.css";
import { notFound } from "next/navigation";
import { DesignDiffView } from "../../../../components/design-diff-view";
import { RevisionTable } from "../../../../components/design-revision-table";
import { SignedInHeader } from "../../../../components/signed-in-header";
import { ApiError } from "../../../../lib/api-client";
import { getDesign } from "../../../../lib/designs";
import { designPath } from "../../../../lib/designs-format";
import { type DesignDiff, diffRevisions, listRevisions } from "../../../../lib/designs-history";
import { designsSession } from "../../../../lib/designs-session";
import { firstParam } from "../../../../lib/signed-in";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DesignHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const session = await designsSession(designPath(id, "/history"));
  const { organization, token, profile } = session;
  if (!organization) notFound();
  const [design, revisions] = await Promise.all([
    getDesign(token, organization.id, id),
    listRevisions(token, organization.id, id),
  ]).catch((failure: unknown) => {
    if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) notFound();
    throw failure;
  });
  const from = Number(firstParam(query.from));
  const to = Number(firstParam(query.to));
  const wantsDiff = Number.isInteger(from) && Number.isInteger(to) && from > 0 && to > 0;
  let diff: DesignDiff | undefined;
  let diffError: string | undefined;
  if (wantsDiff) {
    try {
      diff = await diffRevisions(token, organization.id, id, from, to);
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      diffError = failure.message;
    }
  }
  const error = firstParam(query.error) ?? diffError;
  const restored = firstParam(query.restored);
  const newest = revisions[0]?.number ?? 1;
  const selected = wantsDiff ? { from, to } : { from: Math.max(1, newest - 1), to: newest };
  const authorName = (author: string | null | undefined) =>
    !author ? "—" : author === profile.id ? `${profile.email} (you)` : `user ${author.slice(0, 8)}`;
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <p className="designs-crumbs">
        <a href="/designs">Designs</a> / <a href={designPath(id)}>{design.name}</a> / History
      </p>
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>History of {design.name}</h1>
        <p>Every save is a revision. Compare any two, or restore an older one as the newest revision.</p>
      </header>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {restored && !error && (
        <p className="alert alert-ok" role="status">
          Restored revision {restored} as revision {newest}.
        </p>
      )}
      {diff && (
        <section className="panel" aria-labelledby="diff-title">
          <header className="panel-head">
            <h2 id="diff-title">
              Revision {diff.from} → {diff.to}
            </h2>
          </header>
          <DesignDiffView diff={diff} />
        </section>
      )}
      <section className="panel" aria-labelledby="revisions-title">
        <header className="panel-head">
          <h2 id="revisions-title">Revisions ({revisions.length})</h2>
        </header>
        <RevisionTable designId={id} revisions={revisions} authorName={authorName} selected={selected} />
      </section>
    </main>
  );
}

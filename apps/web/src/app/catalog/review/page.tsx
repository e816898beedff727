// The curators' queue: pending publication requests, each design drawn as a graph, approve or deny with a reason.
import "../catalog.css";
import "../../designs/designs.css";
import "./catalog-review.css";
import { CatalogReviewItem } from "../../../components/catalog-review-item";
import { SignedInHeader } from "../../../components/signed-in-header";
import { ApiError } from "../../../lib/api-client";
import { type PublicationRequest, reviewedRequest, reviewQueue } from "../../../lib/catalog-review";
import { currentProfile, firstParam, requireApiToken } from "../../../lib/signed-in";

export const dynamic = "force-dynamic";
export const metadata = { title: "Catalog review · Meshplane" };

// A page shows this many; the rest wait until these are decided.
const SHOWN = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const doneText: Record<string, string> = {
  approved: "Approved: the design is in the public catalog.",
  denied: "Denied: the author sees your reason.",
};

/** The queue, or null when the API says the caller may not review. */
async function pendingRequests(token: string): Promise<PublicationRequest[] | null> {
  try {
    return await reviewQueue(token);
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 403) return null;
    throw failure;
  }
}

export default async function CatalogReviewPage({ searchParams }: Props) {
  const query = await searchParams;
  const [done, error] = [firstParam(query.done), firstParam(query.error)];
  const token = await requireApiToken("/catalog/review");
  const [profile, queue] = await Promise.all([currentProfile(token), pendingRequests(token)]);
  // Oldest first: whoever asked first is answered first.
  const shown = [...(queue ?? [])].reverse().slice(0, SHOWN);
  const details = await Promise.all(
    shown.map((request) => reviewedRequest(token, request.id).catch(() => undefined)),
  );
  return (
    <main className="page design-page">
      <SignedInHeader email={profile.email} />
      <h1>Catalog review</h1>
      {queue === null ? (
        <p className="alert" role="alert" data-testid="review-not-allowed">
          Not allowed: reviewing the catalog needs the Curator or Provider Admin role.
        </p>
      ) : (
        <>
          <p className="muted" data-testid="review-count">
            {queue.length === 0
              ? "Nothing waits for review."
              : `${queue.length} request${queue.length === 1 ? "" : "s"} waiting${queue.length > SHOWN ? `, the oldest ${SHOWN} shown` : ""}.`}
          </p>
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
          {shown.map((request, index) => (
            <CatalogReviewItem key={request.id} request={request} reviewed={details[index]} />
          ))}
        </>
      )}
    </main>
  );
}

// One profile: what it sends, the Run button, the run in progress drawn live, its results, and its schedule.
import "../../performance.css";
import { notFound } from "next/navigation";
import { PerfLiveRun } from "../../../../components/perf-live-run";
import { PerfResultsTable } from "../../../../components/perf-results-table";
import { PerfRunButton } from "../../../../components/perf-run-button";
import { PerfSchedulePanel } from "../../../../components/perf-schedule-panel";
import { modelText } from "../../../../components/perf-verdict";
import { SignedInHeader } from "../../../../components/signed-in-header";
import {
  getProfile,
  getResult,
  isNotFound,
  listAgentConnections,
  listResults,
  type PerfProfile,
  type PerfResult,
} from "../../../../lib/performance";
import { durationMs, profilePath } from "../../../../lib/performance-format";
import { liveSnapshot } from "../../../../lib/performance-live";
import { performanceSession } from "../../../../lib/performance-session";
import { firstParam } from "../../../../lib/signed-in";
import { deleteProfileAction } from "../../actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProfilePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const session = await performanceSession(profilePath(id));
  if (!session.organization) notFound();
  const orgId = session.organization.id;
  let profile: PerfProfile;
  try {
    profile = await getProfile(session.token, orgId, id);
  } catch (failure) {
    if (isNotFound(failure)) notFound();
    throw failure;
  }
  const [results, connections] = await Promise.all([
    listResults(session.token, orgId, profile.id),
    listAgentConnections(session.token, orgId),
  ]);
  const live = await liveResult(session.token, orgId, profile.id, firstParam(query.run), results);
  const error = firstParam(query.error);
  const notice = firstParam(query.notice);
  return (
    <main className="page perf-page">
      <SignedInHeader email={session.profile.email} />
      <p className="perf-crumbs">
        <a href="/performance">Performance</a> / {profile.name}
      </p>
      <header className="perf-title">
        <h1 data-testid="profile-name">{profile.name}</h1>
        <span className="tag">{modelText(profile.qps, profile.concurrentRequest)}</span>
        <span className="tag">{profile.duration}</span>
        <span className="perf-title-actions">
          <a className="button button-quiet" href={profilePath(profile.id, "/edit")}>
            Edit
          </a>
          <PerfRunButton profileId={profile.id} connections={connections} />
        </span>
      </header>
      {notice && <p className="alert alert-ok">{notice}</p>}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {live && (
        <PerfLiveRun key={live.id} initial={liveSnapshot(live)} durationMs={durationMs(profile.duration)} />
      )}
      <section className="panel" aria-labelledby="sends-title">
        <header className="panel-head">
          <h2 id="sends-title">What a run sends</h2>
        </header>
        <dl className="perf-facts">
          <div>
            <dt>Endpoint</dt>
            <dd className="perf-url">{profile.endpoints[0]}</dd>
          </div>
          <div>
            <dt>Request</dt>
            <dd>
              {profile.requestBody ? "POST" : "GET"}
              {profile.contentType ? `, ${profile.contentType}` : ""}
              {Object.keys(profile.requestHeaders).length > 0
                ? `, ${Object.keys(profile.requestHeaders).length} headers`
                : ""}
            </dd>
          </div>
          <div>
            <dt>Thresholds</dt>
            <dd>
              {profile.thresholds.length === 0 ? (
                <span className="muted">none: every run passes</span>
              ) : (
                profile.thresholds.map((threshold) => (
                  <code key={threshold} className="perf-threshold">
                    {threshold}
                  </code>
                ))
              )}
            </dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="results-title">
        <header className="panel-head">
          <h2 id="results-title">
            Results <span className="muted">({results.length})</span>
          </h2>
        </header>
        {results.length === 0 ? (
          <p className="muted">Not run yet: press Run.</p>
        ) : (
          <form method="get" action="/performance/compare" aria-label="Compare results">
            <PerfResultsTable results={results} />
            <p className="perf-form-foot">
              <button type="submit" className="button button-quiet">
                Compare the ticked results
              </button>
            </p>
          </form>
        )}
      </section>
      <PerfSchedulePanel
        token={session.token}
        orgId={orgId}
        profileId={profile.id}
        connections={connections}
      />
      <details className="panel perf-danger">
        <summary>Delete this profile…</summary>
        <form action={deleteProfileAction} className="row">
          <input type="hidden" name="profileId" value={profile.id} />
          <p className="muted">Its results are deleted with it.</p>
          <button type="submit" className="button button-danger">
            Yes, delete “{profile.name}”
          </button>
        </form>
      </details>
    </main>
  );
}

/** The run named in the URL (just started), else the newest one if it is still going. */
async function liveResult(
  token: string,
  orgId: string,
  profileId: string,
  runId: string | undefined,
  results: PerfResult[],
): Promise<PerfResult | undefined> {
  if (runId) {
    const listed = results.find((result) => result.id === runId);
    if (listed) return listed;
    try {
      const fetched = await getResult(token, orgId, runId);
      if (fetched.profileId === profileId) return fetched;
    } catch (failure) {
      if (!isNotFound(failure)) throw failure;
    }
  }
  const newest = results[0];
  return newest && (newest.status === "running" || newest.status === "pending") ? newest : undefined;
}

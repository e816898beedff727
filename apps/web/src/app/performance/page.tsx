// Performance: the organisation's load-test profiles with their latest result, and a form for a new one.
import "./performance.css";
import { OrganizationSwitcher } from "../../components/organization-switcher";
import { PerfProfileForm } from "../../components/perf-profile-form";
import { modelText, PerfVerdict } from "../../components/perf-verdict";
import { SignedInHeader } from "../../components/signed-in-header";
import { listProfiles, listResults, type PerfResult } from "../../lib/performance";
import { formValuesOf } from "../../lib/performance-form";
import { formatMs, formatRunTime, profilePath, resultPath } from "../../lib/performance-format";
import { readFacts } from "../../lib/performance-read";
import { performanceSession } from "../../lib/performance-session";
import { firstParam, pathWithQuery } from "../../lib/signed-in";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PerformancePage({ searchParams }: Props) {
  const params = await searchParams;
  const session = await performanceSession(pathWithQuery("/performance", params));
  const { organization } = session;
  const [profiles, results] = organization
    ? await Promise.all([
        listProfiles(session.token, organization.id),
        listResults(session.token, organization.id),
      ])
    : [[], []];
  // Results come newest first, so the first one seen for a profile is its latest.
  const latest = new Map<string, PerfResult>();
  for (const result of results) if (!latest.has(result.profileId)) latest.set(result.profileId, result);
  const notice = firstParam(params.notice);
  const error = firstParam(params.error);
  return (
    <main className="page perf-page">
      <SignedInHeader email={session.profile.email} />
      <header className="hero perf-hero">
        <div>
          <h1 style={{ fontSize: "1.8rem" }}>Performance</h1>
          <p>
            Load tests with latency measured from when each request was due, percentiles to p99.99, and
            thresholds that decide pass or fail.
          </p>
        </div>
        <span className="row">
          {organization && (
            <a className="button button-quiet" href="/performance/import">
              Import a result
            </a>
          )}
          {results.length > 1 && (
            <a className="button button-quiet" href="/performance/compare">
              Compare results
            </a>
          )}
        </span>
      </header>
      {notice && <p className="alert alert-ok">{notice}</p>}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!organization ? (
        <p className="muted">You belong to no organization yet, so there are no profiles to show.</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="profiles-title">
            <header className="panel-head">
              <h2 id="profiles-title">
                Profiles in {organization.name} <span className="muted">({profiles.length})</span>
              </h2>
              <OrganizationSwitcher
                organizations={session.organizations}
                selectedId={organization.id}
                returnTo="/performance"
              />
            </header>
            {profiles.length === 0 ? (
              <p className="muted">No profiles yet: create one below, then run it.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Endpoint</th>
                    <th>Model</th>
                    <th>Last result</th>
                    <th>p99</th>
                    <th>Verdict</th>
                  </tr>
                </thead>
                <tbody>
                  {profiles.map((profile) => {
                    const last = latest.get(profile.id);
                    return (
                      <tr key={profile.id} data-testid="profile-row">
                        <td>
                          <a href={profilePath(profile.id)}>{profile.name}</a>
                        </td>
                        <td className="perf-url">{profile.endpoints[0]}</td>
                        <td>
                          {modelText(profile.qps, profile.concurrentRequest)}, {profile.duration}
                        </td>
                        <td>
                          {last ? (
                            <a href={resultPath(last.id)}>{formatRunTime(last.startedAt)}</a>
                          ) : (
                            <span className="muted">never run</span>
                          )}
                        </td>
                        <td className="perf-number">{last ? formatMs(last.percentiles.p99) : ""}</td>
                        <td>{last && <PerfVerdict facts={readFacts(last)} />}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" aria-labelledby="new-profile-title">
            <header className="panel-head">
              <h2 id="new-profile-title">New profile</h2>
            </header>
            <PerfProfileForm values={formValuesOf()} />
          </section>
        </>
      )}
    </main>
  );
}

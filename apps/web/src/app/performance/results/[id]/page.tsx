// One result: verdict and thresholds, percentiles, the latency histogram with cumulative percent, the run
// second by second, status codes and error classes, and downloads. A run still going is drawn live.
import "../../performance.css";
import { notFound } from "next/navigation";
import { HistogramChart } from "../../../../components/charts/histogram-chart";
import { PerfLiveRun } from "../../../../components/perf-live-run";
import { PerfPercentileTable } from "../../../../components/perf-percentile-table";
import { PerfSeriesCharts } from "../../../../components/perf-series-charts";
import { PerfVerdict } from "../../../../components/perf-verdict";
import { SignedInHeader } from "../../../../components/signed-in-header";
import {
  getProfile,
  getResult,
  isNotFound,
  listAgentConnections,
  type PerfProfile,
  type PerfResult,
} from "../../../../lib/performance";
import {
  durationMs,
  formatCount,
  formatMetric,
  formatMs,
  formatPercent,
  formatRate,
  formatRunTime,
  profilePath,
  resultPath,
} from "../../../../lib/performance-format";
import { decodeHistogram, logBins } from "../../../../lib/performance-histogram";
import { liveSnapshot } from "../../../../lib/performance-live";
import { readFacts, readSeries } from "../../../../lib/performance-read";
import { performanceSession } from "../../../../lib/performance-session";
import { firstParam } from "../../../../lib/signed-in";
import { pinBaselineAction } from "../../actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ResultPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const session = await performanceSession(resultPath(id));
  if (!session.organization) notFound();
  const orgId = session.organization.id;
  let result: PerfResult;
  try {
    result = await getResult(session.token, orgId, id);
  } catch (failure) {
    if (isNotFound(failure)) notFound();
    throw failure;
  }
  const profile = await getProfile(session.token, orgId, result.profileId).catch((failure: unknown) => {
    if (isNotFound(failure)) return undefined;
    throw failure;
  });
  const facts = readFacts(result);
  const error = firstParam(query.error);
  const notice = firstParam(query.notice);
  return (
    <main className="page perf-page">
      <SignedInHeader email={session.profile.email} />
      <p className="perf-crumbs">
        <a href="/performance">Performance</a> /{" "}
        {profile ? <a href={profilePath(profile.id)}>{profile.name}</a> : "deleted profile"} / Result
      </p>
      <header className="perf-title">
        <h1 data-testid="result-name">{formatRunTime(result.startedAt)}</h1>
        <PerfVerdict facts={facts} />
        {result.baseline && <span className="tag perf-baseline-tag">baseline</span>}
        {result.imported && <span className="tag">imported from {result.imported.format}</span>}
      </header>
      {notice && <p className="alert alert-ok">{notice}</p>}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {facts.state === "running" ? (
        <PerfLiveRun
          initial={liveSnapshot(result)}
          durationMs={profile ? durationMs(profile.duration) : null}
        />
      ) : (
        <FinishedResult
          result={result}
          profile={profile}
          // The clusters' names now; the name at the run's start, or the id, stands in for any gone since.
          clusterNames={
            facts.clusters.length > 0
              ? new Map(
                  (await listAgentConnections(session.token, orgId)).map((connection) => [
                    connection.id,
                    connection.name,
                  ]),
                )
              : new Map()
          }
        />
      )}
    </main>
  );
}

function FinishedResult({
  result,
  profile,
  clusterNames,
}: {
  result: PerfResult;
  profile: PerfProfile | undefined;
  clusterNames: Map<string, string>;
}) {
  const facts = readFacts(result);
  const histogram = decodeHistogram(result.histogram);
  const series = readSeries(result.series);
  const codes = Object.entries(result.statusCodes).sort(([a], [b]) => a.localeCompare(b));
  const errorClasses = Object.entries(facts.errors).filter(([, count]) => count > 0);
  const requested = profile ? durationMs(profile.duration) : null;
  return (
    <>
      {facts.cause && (
        <p className="alert" role="alert" data-testid="result-cause">
          {facts.state === "errored" ? "The run could not measure anything: " : "The run ended early: "}
          {facts.cause}
        </p>
      )}
      {result.imported && result.imported.notes.length > 0 && (
        <div className="alert alert-warn">
          <p>Imported from {result.imported.format}; some precision was lost:</p>
          <ul>
            {result.imported.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <section className="panel" aria-label="Summary">
        <dl className="facts">
          <div>
            <dt>Requests</dt>
            <dd data-testid="fact-requests">{formatCount(facts.requests)}</dd>
          </div>
          <div>
            <dt>Throughput</dt>
            <dd>
              {formatRate(facts.rps)}
              {facts.rate ? (
                <span className="muted perf-small"> of {formatRate(facts.rate)} asked</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Errors</dt>
            <dd>{formatPercent(facts.errorRate)}</dd>
          </div>
          <div>
            <dt>p99</dt>
            <dd data-testid="fact-p99">{formatMs(result.percentiles.p99)}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>
              {facts.durationMs !== undefined ? `${(facts.durationMs / 1000).toFixed(1)} s` : "—"}
              {requested && facts.durationMs !== undefined && facts.durationMs < requested - 500 ? (
                <span className="muted perf-small"> of {requested / 1000} s</span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Load</dt>
            <dd>
              {facts.rate ? "open" : "closed"}, {facts.connections ?? "?"} connections
            </dd>
          </div>
        </dl>
      </section>
      {facts.clusters.length > 0 && (
        <section className="panel" aria-labelledby="clusters-title">
          <header className="panel-head">
            <h2 id="clusters-title">Clusters</h2>
            <span className="muted">the load was split between their agents; the histograms were merged</span>
          </header>
          <table className="table" data-testid="cluster-parts">
            <thead>
              <tr>
                <th>Cluster</th>
                <th>Agent's job</th>
                <th>Requests</th>
                <th>Throughput</th>
                <th>Cause</th>
              </tr>
            </thead>
            <tbody>
              {facts.clusters.map((part) => (
                <tr key={part.connectionId} data-testid="cluster-part">
                  <th scope="row">
                    <a href={`/clusters/${part.connectionId}`}>
                      {clusterNames.get(part.connectionId) ?? part.clusterName ?? part.connectionId}
                    </a>
                  </th>
                  <td>
                    <span
                      className={`perf-verdict perf-tone-${part.status === "succeeded" && !part.error ? "ok" : "bad"}`}
                    >
                      {part.status}
                    </span>
                  </td>
                  <td className="perf-number">{formatCount(part.requests)}</td>
                  <td className="perf-number">{formatRate(part.rps)}</td>
                  <td className="muted">{part.error ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="panel" aria-labelledby="thresholds-title">
        <header className="panel-head">
          <h2 id="thresholds-title">Thresholds</h2>
        </header>
        {facts.thresholds.length === 0 ? (
          <p className="muted">The profile has no thresholds, so nothing decides pass or fail.</p>
        ) : (
          <table className="table" data-testid="threshold-table">
            <thead>
              <tr>
                <th>Threshold</th>
                <th>Measured</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody>
              {facts.thresholds.map((threshold) => (
                <tr key={threshold.expression} data-testid="threshold-row" data-passed={threshold.passed}>
                  <td>
                    <code>{threshold.expression}</code>
                  </td>
                  <td className="perf-number">{formatMetric(threshold.metric, threshold.actual)}</td>
                  <td>
                    <span className={`perf-verdict perf-tone-${threshold.passed ? "ok" : "bad"}`}>
                      {threshold.passed ? "✓ pass" : "✗ fail"}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="perf-columns">
        <section className="panel" aria-labelledby="percentiles-title">
          <header className="panel-head">
            <h2 id="percentiles-title">Percentiles</h2>
          </header>
          <PerfPercentileTable
            percentiles={result.percentiles}
            serviceTime={facts.rate ? facts.serviceTime : undefined}
          />
        </section>
        <section className="panel" aria-labelledby="distribution-title">
          <header className="panel-head">
            <h2 id="distribution-title">Distribution</h2>
          </header>
          {histogram ? (
            <HistogramChart
              bins={logBins(histogram)}
              markers={[
                { label: "p50", ms: result.percentiles.p50 ?? Number.NaN },
                { label: "p99", ms: result.percentiles.p99 ?? Number.NaN },
              ]}
            />
          ) : (
            <p className="muted">This result has no histogram to draw.</p>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="series-title">
        <header className="panel-head">
          <h2 id="series-title">Second by second</h2>
        </header>
        {series.length === 0 ? (
          <p className="muted">This result has no per-second series.</p>
        ) : (
          <PerfSeriesCharts series={series} idPrefix="result" />
        )}
      </section>
      <div className="perf-columns">
        <section className="panel" aria-labelledby="codes-title">
          <header className="panel-head">
            <h2 id="codes-title">Status codes</h2>
          </header>
          {codes.length === 0 ? (
            <p className="muted">No responses.</p>
          ) : (
            <table className="table" data-testid="status-codes">
              <tbody>
                {codes.map(([code, count]) => (
                  <tr key={code}>
                    <th scope="row">
                      <span className={Number(code) >= 400 ? "perf-bad" : ""}>{code}</span>
                    </th>
                    <td className="perf-number">{formatCount(count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="panel" aria-labelledby="errors-title">
          <header className="panel-head">
            <h2 id="errors-title">Errors without a response</h2>
          </header>
          {errorClasses.length === 0 ? (
            <p className="muted">None: every request was answered.</p>
          ) : (
            <table className="table" data-testid="error-classes">
              <tbody>
                {errorClasses.map(([name, count]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td className="perf-number">{formatCount(count)}</td>
                    <td className="muted">{facts.errorSamples[name] ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="downloads-title">
        <header className="panel-head">
          <h2 id="downloads-title">Downloads and baseline</h2>
        </header>
        <div className="row">
          <a className="button" href={resultPath(result.id, "/smp")} download>
            SMP result (JSON)
          </a>
          <a
            className="button button-quiet"
            href={`/performance/compare?ids=${encodeURIComponent(result.id)}`}
          >
            Compare with others
          </a>
          <form action={pinBaselineAction} className="inline-form">
            <input type="hidden" name="resultId" value={result.id} />
            <input type="hidden" name="pinned" value={result.baseline ? "false" : "true"} />
            <input type="hidden" name="returnTo" value={resultPath(result.id)} />
            <button type="submit" className="button button-quiet">
              {result.baseline ? "Unpin the baseline" : "Pin as the profile's baseline"}
            </button>
          </form>
        </div>
      </section>
    </>
  );
}

// Compare results against a baseline: a table of metrics with deltas coloured better or worse, and their
// percentile curves overlaid. Results are ticked below; the baseline is chosen, or the profile's pinned one.
import "../performance.css";
import { PercentileChart } from "../../../components/charts/percentile-chart";
import { PerfResultsTable } from "../../../components/perf-results-table";
import { SignedInHeader } from "../../../components/signed-in-header";
import {
  compareResults,
  isMissingRoute,
  isNotFound,
  listProfiles,
  listResults,
} from "../../../lib/performance";
import { type CompareEntry, type Comparison, compareMetrics, judge } from "../../../lib/performance-compare";
import {
  formatMs,
  formatPercent,
  formatRate,
  formatRunTime,
  resultPath,
} from "../../../lib/performance-format";
import { curvePoints } from "../../../lib/performance-read";
import { performanceSession } from "../../../lib/performance-session";
import { pathWithQuery } from "../../../lib/signed-in";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const metricLabels: Record<string, string> = { rps: "throughput", errorRate: "error rate" };
const maxCompared = 10;

export default async function ComparePage({ searchParams }: Props) {
  const params = await searchParams;
  const session = await performanceSession(pathWithQuery("/performance/compare", params));
  const organization = session.organization;
  const ids = [...new Set(list(params.ids))].slice(0, maxCompared);
  const wantedBaseline = list(params.baseline)[0];
  const [results, profiles] = organization
    ? await Promise.all([
        listResults(session.token, organization.id),
        listProfiles(session.token, organization.id),
      ])
    : [[], []];
  const profileNames = new Map(profiles.map((profile) => [profile.id, profile.name]));
  const comparison =
    organization && ids.length > 0
      ? await compare(session.token, organization.id, ids, wantedBaseline)
      : undefined;
  return (
    <main className="page perf-page">
      <SignedInHeader email={session.profile.email} />
      <p className="perf-crumbs">
        <a href="/performance">Performance</a> / Compare
      </p>
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Compare results</h1>
        <p>
          Tick the results to compare and choose the baseline; with none chosen, the first result's pinned
          baseline is used. Compare runs of the same profile: other loads and targets are not comparable.
        </p>
      </header>
      {comparison && "error" in comparison && (
        <p className="alert" role="alert">
          {comparison.error}
        </p>
      )}
      {comparison && !("error" in comparison) && (
        <ComparisonView comparison={comparison.value} names={profileNames} />
      )}
      {organization && (
        <section className="panel" aria-labelledby="choose-title">
          <header className="panel-head">
            <h2 id="choose-title">Results in {organization.name}</h2>
          </header>
          {results.length === 0 ? (
            <p className="muted">No results yet: run a profile first.</p>
          ) : (
            <form method="get" action="/performance/compare" aria-label="Choose results">
              <PerfResultsTable
                results={results}
                profileNames={profileNames}
                checked={new Set(ids)}
                baselineChoice={
                  comparison && !("error" in comparison)
                    ? comparison.value.baseline.id
                    : (wantedBaseline ?? "")
                }
              />
              <p className="perf-form-foot">
                <button type="submit" className="button">
                  Compare
                </button>{" "}
                <span className="muted">up to {maxCompared} results</span>
              </p>
            </form>
          )}
        </section>
      )}
    </main>
  );
}

function list(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return values
    .flatMap((one) => one.split(","))
    .map((one) => one.trim())
    .filter(Boolean);
}

type Outcome = { value: Comparison } | { error: string };

/** The API's comparison, or what stops it: an unknown or foreign result, or an API without the route. */
async function compare(
  token: string,
  orgId: string,
  ids: string[],
  baselineId: string | undefined,
): Promise<Outcome> {
  try {
    return { value: await compareResults(token, orgId, ids, baselineId) };
  } catch (error) {
    if (isMissingRoute(error)) return { error: "This API cannot compare results yet." };
    if (isNotFound(error) && error instanceof Error) return { error: error.message };
    throw error;
  }
}

function ComparisonView({ comparison, names }: { comparison: Comparison; names: Map<string, string> }) {
  // The API lists the baseline among the results too when it was ticked; it is shown once, first.
  const entries = [
    comparison.baseline,
    ...comparison.results.filter((entry) => entry.id !== comparison.baseline.id),
  ];
  const title = (entry: CompareEntry) =>
    `${names.get(entry.profileId) ?? "?"}, ${formatRunTime(entry.startedAt)}`;
  return (
    <>
      {[...new Set(comparison.warnings)].map((warning) => (
        <p key={warning} className="alert alert-warn">
          {warning}
        </p>
      ))}
      <section className="panel" aria-labelledby="compare-title">
        <header className="panel-head">
          <h2 id="compare-title">Against the baseline</h2>
        </header>
        <div className="perf-scroll">
          <table className="table perf-compare" data-testid="compare-table">
            <thead>
              <tr>
                <th>Metric</th>
                {entries.map((entry, i) => (
                  <th key={entry.id}>
                    <a href={resultPath(entry.id)}>{title(entry)}</a>
                    {i === 0 && <span className="tag perf-baseline-tag">baseline</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {compareMetrics.map((metric) => (
                <tr key={metric}>
                  <th scope="row">{metricLabels[metric] ?? metric}</th>
                  {entries.map((entry, i) => {
                    const delta = entry.deltas[metric];
                    const judgement = i === 0 ? "same" : judge(metric, delta);
                    const value = entry.values[metric] ?? null;
                    return (
                      <td key={entry.id} className="perf-number" data-judgement={judgement}>
                        {metric === "errorRate"
                          ? formatPercent(value)
                          : metric === "rps"
                            ? formatRate(value)
                            : formatMs(value)}
                        {i > 0 && delta && delta.absolute !== null && (
                          <span className={`perf-delta perf-delta-${judgement}`}>
                            {" "}
                            {delta.percent === null
                              ? delta.absolute === 0
                                ? "±0"
                                : signed(delta.absolute)
                              : `${delta.percent > 0 ? "+" : ""}${delta.percent.toFixed(1)} %`}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted perf-small">
          <span className="perf-delta perf-delta-better">green</span> is better and{" "}
          <span className="perf-delta perf-delta-worse">red</span> worse than the baseline; changes under 2 %
          are left plain.
        </p>
      </section>
      <section className="panel" aria-labelledby="curves-title">
        <header className="panel-head">
          <h2 id="curves-title">Percentile curves</h2>
        </header>
        <PercentileChart
          curves={entries.map((entry, i) => ({
            name: `${i === 0 ? "baseline: " : ""}${title(entry)}`,
            dashed: i === 0,
            points: curvePoints.flatMap(([percent, key]) => {
              const value = entry.values[key];
              return value === null || value === undefined ? [] : [[percent, value] as const];
            }),
          }))}
        />
      </section>
    </>
  );
}

function signed(value: number): string {
  return `${value > 0 ? "+" : ""}${Number(value.toPrecision(3))}`;
}

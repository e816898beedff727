// A list of results with boxes to tick for a comparison: when, verdict, throughput and latency.
import type { PerfResult } from "../lib/performance";
import {
  formatCount,
  formatMs,
  formatPercent,
  formatRate,
  formatRunTime,
  resultPath,
} from "../lib/performance-format";
import { readFacts } from "../lib/performance-read";
import { PerfVerdict } from "./perf-verdict";

type Props = {
  results: PerfResult[];
  profileNames?: Map<string, string>;
  checked?: Set<string>;
  /** Adds a column of radio buttons to choose the comparison's baseline; the value is the one chosen. */
  baselineChoice?: string;
};

export function PerfResultsTable({ results, profileNames, checked, baselineChoice }: Props) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>
            <span className="visually-hidden">Compare</span>
          </th>
          {baselineChoice !== undefined && <th>Baseline</th>}
          <th>Started</th>
          {profileNames && <th>Profile</th>}
          <th>Verdict</th>
          <th>Requests</th>
          <th>Throughput</th>
          <th>p50</th>
          <th>p99</th>
          <th>Errors</th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => {
          const facts = readFacts(result);
          return (
            <tr key={result.id} data-testid="result-row" data-result-id={result.id}>
              <td>
                <input
                  type="checkbox"
                  name="ids"
                  value={result.id}
                  defaultChecked={checked?.has(result.id) ?? false}
                  aria-label={`Compare the run of ${formatRunTime(result.startedAt)}`}
                />
              </td>
              {baselineChoice !== undefined && (
                <td>
                  <input
                    type="radio"
                    name="baseline"
                    value={result.id}
                    defaultChecked={baselineChoice === result.id}
                    aria-label={`Use the run of ${formatRunTime(result.startedAt)} as the baseline`}
                  />
                </td>
              )}
              <td>
                <a href={resultPath(result.id)}>{formatRunTime(result.startedAt)}</a>
                {result.baseline && <span className="tag perf-baseline-tag">baseline</span>}
              </td>
              {profileNames && <td>{profileNames.get(result.profileId) ?? "—"}</td>}
              <td>
                <PerfVerdict facts={facts} />
              </td>
              <td className="perf-number">{formatCount(facts.requests)}</td>
              <td className="perf-number">{formatRate(facts.rps)}</td>
              <td className="perf-number">{formatMs(result.percentiles.p50)}</td>
              <td className="perf-number">{formatMs(result.percentiles.p99)}</td>
              <td className="perf-number">{formatPercent(facts.errorRate)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

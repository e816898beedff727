// A run second by second: requests and failures per second, and p50/p99 latency per second. The same
// charts serve the live view (growing across the run's whole duration) and the finished result.
import type { Second } from "../lib/performance-read";
import { LineChart } from "./charts/line-chart";

type Props = {
  series: Second[] /** The x axis spans this many seconds even before they have happened. */;
  seconds?: number;
  idPrefix: string;
};

export function PerfSeriesCharts({ series, seconds, idPrefix }: Props) {
  const span = Math.max(seconds ?? 0, series.length, 1);
  const xDomain = [0, span] as const;
  // Each sample counts the second that ended at its right edge.
  const at = (second: Second) => second.second + 1;
  return (
    <div className="perf-chart-pair">
      <LineChart
        label="Requests and failures per second"
        testId={`${idPrefix}-rps-chart`}
        xDomain={xDomain}
        xLabel="second"
        integerX
        yLabel="per second"
        series={[
          { name: "requests/s", points: series.map((s) => [at(s), s.requests] as const) },
          {
            name: "failed/s",
            points: series.map((s) => [at(s), s.errors + s.failedStatuses] as const),
          },
        ]}
      />
      <LineChart
        label="Latency per second, p50 and p99"
        testId={`${idPrefix}-latency-chart`}
        xDomain={xDomain}
        xLabel="second"
        integerX
        yLabel="ms"
        series={[
          { name: "p50", points: series.map((s) => [at(s), s.p50] as const) },
          { name: "p99", points: series.map((s) => [at(s), s.p99] as const), dashed: true },
        ]}
      />
    </div>
  );
}

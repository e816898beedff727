// The percentile table: p50 to p99.99, min, max and mean. For the open model, the service time (from the
// actual send) sits beside the latency from the intended send, so queueing behind a stall is visible.
import { formatMs } from "../lib/performance-format";
import { percentileRows } from "../lib/performance-read";

type Props = { percentiles: Record<string, number>; serviceTime?: Record<string, number> | undefined };

export function PerfPercentileTable({ percentiles, serviceTime }: Props) {
  return (
    <>
      <table className="table perf-percentiles" data-testid="percentile-table">
        <thead>
          <tr>
            <th>Statistic</th>
            <th title={serviceTime ? "From when each request was due to its answer" : undefined}>Latency</th>
            {serviceTime && <th title="From when each request was sent to its answer">Service time</th>}
          </tr>
        </thead>
        <tbody>
          {percentileRows.map((row) => (
            <tr key={row.key} data-testid={`percentile-${row.key}`}>
              <th scope="row">{row.label}</th>
              <td className="perf-number" data-value={percentiles[row.key] ?? ""}>
                {formatMs(percentiles[row.key])}
              </td>
              {serviceTime && <td className="perf-number">{formatMs(serviceTime[row.key])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {serviceTime && (
        <p className="muted perf-small">
          Latency counts from when each request was due, so time spent waiting behind a slow answer is in it.
          Service time counts from the actual send, which is what a tool blind to coordinated omission
          reports.
        </p>
      )}
    </>
  );
}

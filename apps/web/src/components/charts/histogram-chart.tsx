// Latency distribution: bars of request counts on a log-scale time axis, and the cumulative percent as a line
// on a second axis (0–100 %), so "how many were slower than X" reads straight off the chart.
import type { Bin } from "../../lib/performance-histogram";
import { ChartFigure, Legend, linePath, plotBox, XAxis, YGrid } from "./frame";
import { linearScale, logScale, niceDomain } from "./scale";

type Props = {
  bins: Bin[];
  /** Vertical marks at named latencies, such as p50 and p99. */
  markers?: { label: string; ms: number }[];
  width?: number;
  height?: number;
};

export function HistogramChart({ bins, markers = [], width = 720, height = 280 }: Props) {
  const box = plotBox(width, height, true);
  const first = bins[0];
  const last = bins.at(-1);
  if (!first || !last)
    return <p className="muted">No requests were recorded, so there is no distribution.</p>;
  const x = logScale([first.lowMs, last.highMs], [box.left, box.right]);
  const counts = linearScale(niceDomain(0, Math.max(...bins.map((bin) => bin.count)), 4), [
    box.bottom,
    box.top,
  ]);
  const percent = linearScale([0, 100], [box.bottom, box.top]);
  const cumulative = [[x(first.lowMs), percent(0)] as const].concat(
    bins.map((bin) => [x(bin.highMs), percent(bin.cumulativePercent)] as const),
  );
  return (
    <ChartFigure
      label="Latency histogram with cumulative percent"
      testId="latency-histogram"
      box={box}
      legend={
        <Legend
          items={[
            { name: "Requests", tone: 0 },
            { name: "Cumulative %", tone: 1 },
          ]}
        />
      }
    >
      <YGrid box={box} scale={counts} ticks={counts.ticks(4)} label="requests" />
      <YGrid
        box={box}
        scale={percent}
        ticks={[0, 25, 50, 75, 100]}
        side="right"
        format={(value) => `${value}%`}
      />
      <XAxis box={box} scale={x} ticks={x.ticks()} label="latency (ms, log scale)" />
      {bins.map((bin) => (
        <rect
          key={bin.lowMs}
          className="chart-bar chart-tone-0"
          x={x(bin.lowMs)}
          width={Math.max(0.5, x(bin.highMs) - x(bin.lowMs) - 0.5)}
          y={counts(bin.count)}
          height={Math.max(0, box.bottom - counts(bin.count))}
          data-count={bin.count}
        >
          <title>{`${bin.lowMs.toPrecision(3)}–${bin.highMs.toPrecision(3)} ms: ${bin.count} requests, ${bin.cumulativePercent.toFixed(2)} % at or below`}</title>
        </rect>
      ))}
      <path className="chart-line chart-tone-1" d={linePath(cumulative)} data-testid="cumulative-line" />
      {markers
        .filter((marker) => marker.ms >= first.lowMs && marker.ms <= last.highMs)
        .map((marker) => (
          <g key={marker.label} className="chart-marker">
            <line x1={x(marker.ms)} x2={x(marker.ms)} y1={box.top} y2={box.bottom} />
            <text x={x(marker.ms) + 3} y={box.top + 10}>
              {marker.label}
            </text>
          </g>
        ))}
    </ChartFigure>
  );
}

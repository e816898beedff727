// Latency by percentile for several results on one chart. The x axis stretches the tail (1/(1-p) on a log
// scale) so p99, p99.9 and p99.99 get as much room as p50 to p90.
import { ChartFigure, Legend, linePath, plotBox, XAxis, YGrid } from "./frame";
import { linearScale, niceDomain, percentileAt, tailPosition } from "./scale";

export type PercentileCurve = {
  name: string;
  points: readonly (readonly [number, number])[];
  dashed?: boolean;
};

const ticks = [50, 90, 99, 99.9, 99.99];

export function PercentileChart({
  curves,
  width = 720,
  height = 280,
}: {
  curves: PercentileCurve[];
  width?: number;
  height?: number;
}) {
  const box = plotBox(width, height);
  const x = linearScale([tailPosition(50), tailPosition(99.99)], [box.left, box.right]);
  const top = Math.max(0, ...curves.flatMap((curve) => curve.points.map(([, ms]) => ms)));
  const y = linearScale(niceDomain(0, top, 4), [box.bottom, box.top]);
  return (
    <ChartFigure
      label="Latency by percentile"
      testId="percentile-chart"
      box={box}
      legend={
        <Legend items={curves.map((curve, tone) => ({ name: curve.name, tone, dashed: curve.dashed }))} />
      }
    >
      <YGrid box={box} scale={y} ticks={y.ticks(4)} label="ms" />
      <XAxis
        box={box}
        scale={x}
        ticks={ticks.map(tailPosition)}
        format={(position) => `p${percentileAt(position)}`}
        label="percentile"
      />
      {curves.map((curve, tone) => (
        <path
          key={curve.name}
          className={`chart-line chart-tone-${tone}${curve.dashed ? " chart-dashed" : ""}`}
          d={linePath(curve.points.map(([p, ms]) => [x(tailPosition(p)), y(ms)]))}
          data-series={curve.name}
        />
      ))}
    </ChartFigure>
  );
}

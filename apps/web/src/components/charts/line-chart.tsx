// Lines over a shared x axis (seconds of a run, usually), drawn as plain SVG on the server or in the browser.
import { ChartFigure, Legend, linePath, plotBox, XAxis, YGrid } from "./frame";
import { linearScale, niceDomain } from "./scale";

export type LineSeries = { name: string; points: readonly (readonly [number, number])[]; dashed?: boolean };

type Props = {
  label: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  /** Fixed x range, e.g. a run's whole duration while it is still filling in. */
  xDomain?: readonly [number, number];
  yFormat?: (value: number) => string;
  width?: number;
  height?: number;
  testId?: string;
  /** Only whole-number x ticks, for counts such as seconds. */
  integerX?: boolean;
};

export function LineChart({
  label,
  series,
  xLabel,
  yLabel,
  xDomain,
  yFormat,
  width = 640,
  height = 220,
  testId,
  integerX = false,
}: Props) {
  const box = plotBox(width, height);
  const xs = series.flatMap((one) => one.points.map(([x]) => x));
  const ys = series.flatMap((one) => one.points.map(([, y]) => y));
  const x = linearScale(xDomain ?? [Math.min(0, ...xs), Math.max(1, ...xs)], [box.left, box.right]);
  const y = linearScale(niceDomain(0, Math.max(0, ...ys), 4), [box.bottom, box.top]);
  return (
    <ChartFigure
      label={label}
      testId={testId}
      box={box}
      legend={<Legend items={series.map((one, tone) => ({ name: one.name, tone, dashed: one.dashed }))} />}
    >
      <YGrid
        box={box}
        scale={y}
        ticks={y.ticks(4)}
        label={yLabel}
        {...(yFormat ? { format: yFormat } : {})}
      />
      <XAxis
        box={box}
        scale={x}
        ticks={x.ticks(6).filter((tick) => !integerX || Number.isInteger(tick))}
        label={xLabel}
      />
      {series.map((one, tone) => (
        <path
          key={one.name}
          className={`chart-line chart-tone-${tone}${one.dashed ? " chart-dashed" : ""}`}
          d={linePath(one.points.map(([px, py]) => [x(px), y(py)]))}
          data-series={one.name}
          data-points={one.points.length}
        />
      ))}
    </ChartFigure>
  );
}

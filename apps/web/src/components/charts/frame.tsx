// The parts every chart shares: the plot area inside the margins, grid lines with their labels, and a legend.
import type { ReactNode } from "react";
import { formatTick, type Scale } from "./scale";

export type Box = { width: number; height: number; left: number; right: number; top: number; bottom: number };

export function plotBox(width: number, height: number, rightAxis = false): Box {
  return {
    width,
    height,
    left: 56,
    right: rightAxis ? width - 48 : width - 16,
    top: 14,
    bottom: height - 36,
  };
}

/** Horizontal grid lines at the y ticks, labelled on the left (or the right, for a second axis). */
export function YGrid({
  box,
  scale,
  ticks,
  side = "left",
  format = formatTick,
  label,
}: {
  box: Box;
  scale: Scale;
  ticks: number[];
  side?: "left" | "right";
  format?: (value: number) => string;
  label?: string;
}) {
  const x = side === "left" ? box.left - 8 : box.right + 8;
  return (
    <g className={`chart-axis chart-axis-${side}`}>
      {ticks.map((tick) => (
        <g key={tick}>
          {side === "left" && (
            <line className="chart-grid" x1={box.left} x2={box.right} y1={scale(tick)} y2={scale(tick)} />
          )}
          <text x={x} y={scale(tick)} dy="0.32em" textAnchor={side === "left" ? "end" : "start"}>
            {format(tick)}
          </text>
        </g>
      ))}
      {label && (
        <text
          className="chart-axis-label"
          transform={`translate(${side === "left" ? 12 : box.width - 6} ${(box.top + box.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {label}
        </text>
      )}
    </g>
  );
}

/** The x axis line with tick marks and labels, and its title under them. */
export function XAxis({
  box,
  scale,
  ticks,
  format = formatTick,
  label,
}: {
  box: Box;
  scale: Scale;
  ticks: number[];
  format?: (value: number) => string;
  label: string;
}) {
  return (
    <g className="chart-axis chart-axis-x">
      <line className="chart-baseline" x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={scale(tick)} x2={scale(tick)} y1={box.bottom} y2={box.bottom + 4} />
          <text x={scale(tick)} y={box.bottom + 16} textAnchor="middle">
            {format(tick)}
          </text>
        </g>
      ))}
      <text
        className="chart-axis-label"
        x={(box.left + box.right) / 2}
        y={box.height - 2}
        textAnchor="middle"
      >
        {label}
      </text>
    </g>
  );
}

export function Legend({ items }: { items: { name: string; tone: number; dashed?: boolean }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.name}>
          <span className={`chart-swatch chart-tone-${item.tone}${item.dashed ? " chart-dashed" : ""}`} />
          {item.name}
        </li>
      ))}
    </ul>
  );
}

export function ChartFigure({
  label,
  testId,
  box,
  legend,
  children,
}: {
  label: string;
  testId?: string;
  box: Box;
  legend?: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart" data-testid={testId}>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label}>
        <title>{label}</title>
        {children}
      </svg>
      {legend}
    </figure>
  );
}

/** "M x y L x y …" through the points, skipping any that are not finite numbers. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .map(([x, y], i) => `${i === 0 ? "M" : "L"}${round(x)} ${round(y)}`)
    .join(" ");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

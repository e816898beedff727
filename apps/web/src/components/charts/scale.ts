// The arithmetic under the hand-drawn SVG charts: mapping values to pixels, and where the axis ticks go.

export type Scale = {
  (value: number): number;
  domain: readonly [number, number];
  range: readonly [number, number];
  ticks: (count?: number) => number[];
};

/** A straight map from `domain` to `range`; a domain of one point maps everything to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = (value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0));
  return Object.assign(scale, { domain, range, ticks: (count = 5) => niceTicks(d0, d1, count) });
}

/** Base-10 logarithmic; values at or below zero are drawn at the domain's low end rather than at -Infinity. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const low = Math.max(domain[0], Number.MIN_VALUE);
  const high = Math.max(domain[1], low);
  const inner = linearScale([Math.log10(low), Math.log10(high)], range);
  const scale = (value: number) => inner(Math.log10(Math.max(value, low)));
  return Object.assign(scale, { domain: [low, high] as const, range, ticks: () => logTicks(low, high) });
}

/** The step between ticks: 1, 2 or 5 times a power of ten, so about `count` ticks cover the span. */
export function tickStep(min: number, max: number, count: number): number {
  const span = Math.abs(max - min);
  if (span === 0 || !Number.isFinite(span)) return 0;
  const rough = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  // The nice step nearest the rough one on a log scale: the cut-offs are the geometric means of 1, 2, 5, 10.
  const nice =
    fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.SQRT2 ? 2 : 1;
  return nice * power;
}

/** Multiples of the nice step inside [min, max], free of floating-point noise (0.30000000000000004). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const step = tickStep(min, max, count);
  if (step === 0) return Number.isFinite(min) ? [min] : [];
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step); k * step <= max + step * 1e-9; k++) {
    ticks.push(Number((k * step).toFixed(digits)));
  }
  return ticks;
}

/** [min, max] widened outward to whole steps, so the top tick sits at the top of the chart. */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  const step = tickStep(min, max, count);
  if (step === 0) return min === 0 ? [0, 1] : [Math.min(0, min), Math.max(0, max) || 1];
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step];
}

/** Powers of ten in [min, max]; with fewer than three decades, the 2s and 5s between them too. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const first = Math.floor(Math.log10(min));
  const last = Math.ceil(Math.log10(max));
  const multiples = Math.log10(max / min) < 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let power = first; power <= last; power++) {
    for (const multiple of multiples) {
      const value = Number((multiple * 10 ** power).toPrecision(12));
      if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.push(value);
    }
  }
  return ticks;
}

/** Where a percentile sits on a tail-stretched axis, log10(1/(1-p)): 50 → 0.30, 90 → 1, 99 → 2, 99.9 → 3. */
export function tailPosition(percentile: number): number {
  return Math.log10(100 / Math.max(1e-9, 100 - percentile));
}

/** The percentile at a position of that axis, rounded to the digits a label needs. */
export function percentileAt(position: number): number {
  return Number((100 - 100 / 10 ** position).toPrecision(6));
}

/** Short axis labels: 0.25, 12, 1.5k, 2M. */
export function formatTick(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${trim(value / 1e6)}M`;
  if (size >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toPrecision(3)));
}

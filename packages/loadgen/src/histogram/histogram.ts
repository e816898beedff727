// A log-linear (HDR) histogram of integer microseconds at 3 significant digits, mergeable exactly.
// Buckets double in width; each is split into 2048 sub-buckets, so any recorded value is known to within
// 1/1024 of itself, and values below 2048 µs exactly.

const SUB_BUCKET_COUNT = 2048;
const SUB_BUCKET_HALF_COUNT = 1024;
const SUB_BUCKET_HALF_MAGNITUDE = 10;
/** The largest trackable value: the bit arithmetic below works on unsigned 32-bit integers (~71 minutes). */
export const MAX_TRACKABLE_US = 2 ** 32 - 1;

export type HistogramState = {
  highestTrackable: number;
  counts: Float64Array;
  total: number;
  min: number;
  max: number;
  sum: number;
  sumOfSquares: number;
};

export class Histogram {
  readonly highestTrackable: number;
  readonly counts: Float64Array;
  total = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;
  sum = 0;
  sumOfSquares = 0;

  constructor(highestTrackable = 3_600_000_000) {
    if (
      !Number.isInteger(highestTrackable) ||
      highestTrackable < SUB_BUCKET_COUNT ||
      highestTrackable > MAX_TRACKABLE_US
    ) {
      throw new RangeError(
        `highest trackable value must be an integer from ${SUB_BUCKET_COUNT} to ${MAX_TRACKABLE_US}`,
      );
    }
    this.highestTrackable = highestTrackable;
    this.counts = new Float64Array(countsLength(highestTrackable));
  }

  /** Records one latency in microseconds (rounded to the nearest microsecond). */
  record(valueUs: number, count = 1): void {
    const value = Math.round(valueUs);
    if (!(value >= 0) || value > this.highestTrackable) {
      throw new RangeError(`cannot record ${valueUs} µs: values go from 0 to ${this.highestTrackable}`);
    }
    const index = indexOf(value);
    this.counts[index] = (this.counts[index] ?? 0) + count;
    this.total += count;
    this.sum += value * count;
    this.sumOfSquares += value * value * count;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** The value at or below which `percentile` percent of the recorded values fall (0 when empty). */
  valueAtPercentile(percentile: number): number {
    if (this.total === 0) return 0;
    if (percentile >= 100) return this.max;
    const target = Math.max(1, Math.ceil((Math.max(0, percentile) / 100) * this.total));
    let seen = 0;
    for (let index = 0; index < this.counts.length; index++) {
      seen += this.counts[index] ?? 0;
      if (seen >= target) return Math.min(highestEquivalentValue(valueAt(index)), this.max);
    }
    return this.max;
  }

  get mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  get stddev(): number {
    if (this.total === 0) return 0;
    const mean = this.mean;
    return Math.sqrt(Math.max(0, this.sumOfSquares / this.total - mean * mean));
  }

  /** Adds another histogram's values into this one: exact, as both share the bucket layout. */
  merge(other: Histogram): this {
    if (other.highestTrackable > this.highestTrackable) {
      throw new RangeError("cannot merge a histogram that tracks larger values into this one");
    }
    other.counts.forEach((count, index) => {
      if (count > 0) this.counts[index] = (this.counts[index] ?? 0) + count;
    });
    this.total += other.total;
    this.sum += other.sum;
    this.sumOfSquares += other.sumOfSquares;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    return this;
  }

  /** Empties the histogram for reuse, keeping its (large) counts array. */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
    this.sum = 0;
    this.sumOfSquares = 0;
  }

  /** Non-empty buckets as [lowest value, highest value, count], for charts. */
  *buckets(): Generator<[number, number, number]> {
    for (let index = 0; index < this.counts.length; index++) {
      const count = this.counts[index] ?? 0;
      if (count > 0) {
        const value = valueAt(index);
        yield [value, highestEquivalentValue(value), count];
      }
    }
  }
}

function bitLength(value: number): number {
  return 32 - Math.clz32(value);
}

function indexOf(value: number): number {
  // The bucket is how many doublings of the sub-bucket range the value needs; values below it land in bucket 0.
  const bucket = Math.max(0, bitLength(value) - SUB_BUCKET_HALF_MAGNITUDE - 1);
  const subBucket = value >>> bucket;
  return bucket === 0
    ? subBucket
    : ((bucket + 1) << SUB_BUCKET_HALF_MAGNITUDE) + subBucket - SUB_BUCKET_HALF_COUNT;
}

function valueAt(index: number): number {
  if (index < SUB_BUCKET_COUNT) return index;
  const bucket = (index >>> SUB_BUCKET_HALF_MAGNITUDE) - 1;
  const subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
  return subBucket * 2 ** bucket;
}

function highestEquivalentValue(value: number): number {
  const bucket = Math.max(0, bitLength(value) - SUB_BUCKET_HALF_MAGNITUDE - 1);
  return value + 2 ** bucket - 1;
}

function countsLength(highestTrackable: number): number {
  return indexOf(highestTrackable) + 1;
}

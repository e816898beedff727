// The part of the generator's surface that reads results without running anything: histograms, their codec,
// merging and summaries. Free of sockets and threads, so a Worker can bundle it.

export { deserializeHistogram, type SerializedHistogram, serializeHistogram } from "./histogram/codec";
export { Histogram } from "./histogram/histogram";
export {
  type LatencySummary,
  type LoadResult,
  mergeHistograms,
  type SecondOfRun,
  summarizeLatency,
} from "./run/load-result";

// The load generator's public surface: run a load test, its options and result, and the HDR histogram.

export { ERROR_CLASSES, type ErrorClass } from "./engine/error-classes";
export { deserializeHistogram, type SerializedHistogram, serializeHistogram } from "./histogram/codec";
export { Histogram, MAX_TRACKABLE_US } from "./histogram/histogram";
export { type LoadOptions, LoadOptionsError, loadOptionsSchema, resolveLoadOptions } from "./options";
export {
  type LatencySummary,
  type LoadResult,
  mergeHistograms,
  type SecondOfRun,
  summarizeLatency,
} from "./run/load-result";
export { type RunControl, runLoad } from "./run/run-load";
export { TargetUnreachableError } from "./run/target";

// The load generator's public surface. So far: the HDR histogram its results are built on.
export { deserializeHistogram, type SerializedHistogram, serializeHistogram } from "./histogram/codec";
export { Histogram, MAX_TRACKABLE_US } from "./histogram/histogram";

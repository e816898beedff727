// Checking a design's components against the Kubernetes model: known kinds, and configuration that fits their schemas.
export {
  type ConfigurationIssue,
  type ConfigurationReport,
  describeIssue,
  MAX_REPORTED_ISSUES,
  type UncheckedComponent,
  validateConfiguration,
} from "./configuration";
export { type KindLookup, lookupKubernetesKind } from "./kubernetes-kinds";

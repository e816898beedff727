// The fields that hold a resource.Quantity, which the client's types flatten to plain strings.

/**
 * Kubernetes accepts `cpu: 1` as well as `cpu: "500m"` wherever a Quantity goes, but the generated client
 * types say `string`, so these are restored by hand: class name without its version prefix, then JSON field.
 * The generator fails when an entry matches no string field any more, so an upstream rename cannot go unseen.
 */
export const QUANTITY_FIELDS = [
  "CSIStorageCapacity.capacity",
  "CSIStorageCapacity.maximumVolumeSize",
  "CapacityRequestPolicy.default",
  "CapacityRequestPolicy.validValues",
  "CapacityRequestPolicyRange.max",
  "CapacityRequestPolicyRange.min",
  "CapacityRequestPolicyRange.step",
  "CapacityRequirements.requests",
  "ContainerStatus.allocatedResources",
  "Counter.value",
  "DeviceCapacity.value",
  "DeviceRequestAllocationResult.consumedCapacity",
  "EmptyDirVolumeSource.sizeLimit",
  "LimitRangeItem.default",
  "LimitRangeItem.defaultRequest",
  "LimitRangeItem.max",
  "LimitRangeItem.maxLimitRequestRatio",
  "LimitRangeItem.min",
  "MetricTarget.averageValue",
  "MetricTarget.value",
  "MetricValueStatus.averageValue",
  "MetricValueStatus.value",
  "NodeStatus.allocatable",
  "NodeStatus.capacity",
  "Overhead.podFixed",
  "PersistentVolumeClaimStatus.allocatedResources",
  "PersistentVolumeClaimStatus.capacity",
  "PersistentVolumeSpec.capacity",
  "PodSpec.overhead",
  "ResourceFieldSelector.divisor",
  "ResourceQuotaSpec.hard",
  "ResourceQuotaStatus.hard",
  "ResourceQuotaStatus.used",
  "ResourceRequirements.limits",
  "ResourceRequirements.requests",
  "VolumeResourceRequirements.limits",
  "VolumeResourceRequirements.requests",
];

// Decimal or binary suffix, or an exponent, after a signed decimal number: "500m", "1.5Gi", "2e3", "-1".
const QUANTITY_PATTERN =
  "^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))?$";

export const QUANTITY_SCHEMA = {
  description:
    "A fixed-point number with an optional SI or binary suffix (resource.Quantity), written as a string or a number.",
  oneOf: [{ type: "string", pattern: QUANTITY_PATTERN }, { type: "number" }],
};

export const INT_OR_STRING_SCHEMA = {
  description: "An integer or a string (intstr.IntOrString), such as a port number or a port name.",
  oneOf: [{ type: "integer" }, { type: "string" }],
};

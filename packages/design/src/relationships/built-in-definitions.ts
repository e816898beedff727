// The relationship definitions Meshplane ships: Kubernetes data files, validated once when first asked for.
import type { RelationshipDefinition } from "./definition";
import edgeBindingFirewallNetworkpolicy from "./definitions/edge-binding-firewall-networkpolicy.json";
import edgeBindingPermissionClusterrole from "./definitions/edge-binding-permission-clusterrole.json";
import edgeBindingPermissionRole from "./definitions/edge-binding-permission-role.json";
import edgeNonBindingNetworkIngressService from "./definitions/edge-non-binding-network-ingress-service.json";
import edgeNonBindingNetworkServiceWorkload from "./definitions/edge-non-binding-network-service-workload.json";
import edgeNonBindingReferenceConfigmapEnv from "./definitions/edge-non-binding-reference-configmap-env.json";
import edgeNonBindingReferenceConfigmapVolume from "./definitions/edge-non-binding-reference-configmap-volume.json";
import edgeNonBindingReferencePvcVolume from "./definitions/edge-non-binding-reference-pvc-volume.json";
import edgeNonBindingReferenceSecretEnv from "./definitions/edge-non-binding-reference-secret-env.json";
import edgeNonBindingReferenceSecretImagePull from "./definitions/edge-non-binding-reference-secret-image-pull.json";
import edgeNonBindingReferenceSecretIngressTls from "./definitions/edge-non-binding-reference-secret-ingress-tls.json";
import edgeNonBindingReferenceSecretVolume from "./definitions/edge-non-binding-reference-secret-volume.json";
import edgeNonBindingReferenceServiceaccount from "./definitions/edge-non-binding-reference-serviceaccount.json";
import edgeSiblingMatchlabelsLabels from "./definitions/edge-sibling-matchlabels-labels.json";
import hierarchicalParentAliasContainer from "./definitions/hierarchical-parent-alias-container.json";
import hierarchicalParentInventoryNamespace from "./definitions/hierarchical-parent-inventory-namespace.json";
import { parseRelationshipDefinitions } from "./load-definitions";

const files: Record<string, unknown> = {
  "edge-binding-firewall-networkpolicy.json": edgeBindingFirewallNetworkpolicy,
  "edge-binding-permission-clusterrole.json": edgeBindingPermissionClusterrole,
  "edge-binding-permission-role.json": edgeBindingPermissionRole,
  "edge-non-binding-network-ingress-service.json": edgeNonBindingNetworkIngressService,
  "edge-non-binding-network-service-workload.json": edgeNonBindingNetworkServiceWorkload,
  "edge-non-binding-reference-configmap-env.json": edgeNonBindingReferenceConfigmapEnv,
  "edge-non-binding-reference-configmap-volume.json": edgeNonBindingReferenceConfigmapVolume,
  "edge-non-binding-reference-pvc-volume.json": edgeNonBindingReferencePvcVolume,
  "edge-non-binding-reference-secret-env.json": edgeNonBindingReferenceSecretEnv,
  "edge-non-binding-reference-secret-image-pull.json": edgeNonBindingReferenceSecretImagePull,
  "edge-non-binding-reference-secret-ingress-tls.json": edgeNonBindingReferenceSecretIngressTls,
  "edge-non-binding-reference-secret-volume.json": edgeNonBindingReferenceSecretVolume,
  "edge-non-binding-reference-serviceaccount.json": edgeNonBindingReferenceServiceaccount,
  "edge-sibling-matchlabels-labels.json": edgeSiblingMatchlabelsLabels,
  "hierarchical-parent-alias-container.json": hierarchicalParentAliasContainer,
  "hierarchical-parent-inventory-namespace.json": hierarchicalParentInventoryNamespace,
};

let parsed: RelationshipDefinition[] | undefined;

/** The built-in definitions; a broken data file is a bug in this package, so it throws. */
export function builtInRelationshipDefinitions(): RelationshipDefinition[] {
  if (!parsed) {
    const result = parseRelationshipDefinitions(Object.values(files), Object.keys(files));
    if (!result.ok)
      throw new Error(`invalid built-in relationship definitions: ${JSON.stringify(result.issues)}`);
    parsed = result.definitions;
  }
  return parsed;
}

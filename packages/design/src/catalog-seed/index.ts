// The seeded public catalog: the designs the Meshplane team wrote, their catalog fields and their manifests.

import { apiAutoscaling } from "./api-autoscaling";
import { blueGreenDeployment } from "./blue-green-deployment";
import { canaryWeighted } from "./canary-weighted";
import { ciDeployerRbac } from "./ci-deployer-rbac";
import { clusterOverprovisioning } from "./cluster-overprovisioning";
import { cronjobBackup } from "./cronjob-backup";
import { etcdCluster } from "./etcd-cluster";
import { externalDatabaseExternalName } from "./external-database-externalname";
import { externalSecretsCsi } from "./external-secrets-csi";
import { grpcReadinessGates } from "./grpc-readiness-gates";
import { ingressTls } from "./ingress-tls";
import { jobRetries } from "./job-retries";
import { logShipperDaemonset } from "./log-shipper-daemonset";
import { networkPolicyDefaultDeny } from "./network-policy-default-deny";
import { nodeProblemDetector } from "./node-problem-detector";
import { prometheusPodDiscovery } from "./prometheus-pod-discovery";
import { rabbitmqCluster } from "./rabbitmq-cluster";
import { redisCache } from "./redis-cache";
import { restrictedPodSecurity } from "./restricted-pod-security";
import { sidecarProxy } from "./sidecar-proxy";
import { teamNamespaceQuotas } from "./team-namespace-quotas";
import type { CatalogSeedDesign, CatalogSeedEntry } from "./types";
import { webAppPostgres } from "./web-app-postgres";

export { CATALOG_TYPES, type CatalogSeedDesign, type CatalogSeedEntry, type CatalogType } from "./types";

// Manifests are TypeScript string constants, not files read at run time, so any bundle carries them.
// Catalog order: applications and data first, then traffic, scaling, batch, security and operations.
const designs: readonly CatalogSeedDesign[] = [
  webAppPostgres,
  redisCache,
  rabbitmqCluster,
  etcdCluster,
  ingressTls,
  canaryWeighted,
  blueGreenDeployment,
  sidecarProxy,
  externalDatabaseExternalName,
  grpcReadinessGates,
  apiAutoscaling,
  clusterOverprovisioning,
  jobRetries,
  cronjobBackup,
  networkPolicyDefaultDeny,
  restrictedPodSecurity,
  ciDeployerRbac,
  externalSecretsCsi,
  teamNamespaceQuotas,
  prometheusPodDiscovery,
  logShipperDaemonset,
  nodeProblemDetector,
];

export const catalogSeedEntries: readonly CatalogSeedEntry[] = designs.map((design) => design.entry);

/** Every seeded design with its multi-document manifest YAML, in catalog order. */
export function loadCatalogSeed(): CatalogSeedDesign[] {
  return designs.map((design) => ({ entry: design.entry, manifests: design.manifests }));
}

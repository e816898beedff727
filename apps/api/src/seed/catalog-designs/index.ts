// The designs the Meshplane team maintains for the public catalog, loaded by the one-machine mode.
import type { SeedDesign } from "../catalog";
import { blueGreen } from "./blue-green";
import { nightlyBackup } from "./cronjob-backup";
import { logShipper } from "./daemonset-logs";
import { etcdCluster } from "./etcd-statefulset";
import { autoscaledApi } from "./hpa-api";
import { ingressWithTls } from "./ingress-tls";
import { batchJob } from "./job-retries";
import { defaultDenyNetworking } from "./network-default-deny";
import { prometheusScrape } from "./prometheus-scrape";
import { rabbitmq } from "./rabbitmq";
import { rbacForCi } from "./rbac-ci";
import { redisCache } from "./redis-cache";
import { restrictedPods } from "./restricted-pods";
import { sidecarProxy } from "./sidecar-proxy";
import { teamNamespace } from "./team-namespace";
import { webAppWithPostgres } from "./web-app-postgres";

export const catalogDesigns: readonly SeedDesign[] = [
  webAppWithPostgres,
  redisCache,
  ingressWithTls,
  nightlyBackup,
  etcdCluster,
  defaultDenyNetworking,
  rbacForCi,
  prometheusScrape,
  autoscaledApi,
  batchJob,
  logShipper,
  teamNamespace,
  blueGreen,
  sidecarProxy,
  rabbitmq,
  restrictedPods,
];

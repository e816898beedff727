// The workload of a Compose service: a Deployment, or the Pod or DaemonSet its restart and deploy.mode ask for.
import type { ComposeConfigMaps } from "./config-maps";
import { composeContainer } from "./container";
import { durationSeconds, wholeSeconds } from "./durations";
import { readEnvFileReferences, readEnvironment } from "./environment";
import { labelMap, serviceAnnotations } from "./labels";
import { mappingOrEmpty } from "./mapping";
import { DEPENDS_ON_ANNOTATION, NAME_LABEL, NameScope } from "./names";
import { type PortMapping, readExpose, readPorts } from "./ports";
import type { ComposeProblems, YamlPath } from "./problems";
import type { ComposeService } from "./services";
import { readServiceStorage, type VolumeDeclaration } from "./volumes";

export type ServiceContext = {
  declarations: ReadonlyMap<string, VolumeDeclaration>;
  configMaps: ComposeConfigMaps;
  variables: Readonly<Record<string, string>>;
  dependsOn: readonly string[];
  problems: ComposeProblems;
};
export type ServiceWorkload = {
  workload: Record<string, unknown>;
  ports: PortMapping[];
  /** Top-level volume names the pod mounts, for the claims to create. */
  namedVolumes: string[];
  replicas: number;
};

// Keys whose meaning reaches Kubernetes (some through another module), and keys that need nothing there:
// links and networks only make names resolvable, which Services already do.
const CARRIED_KEYS = new Set([
  ...["image", "build", "command", "entrypoint", "environment", "env_file", "ports", "expose", "healthcheck"],
  ...["restart", "deploy", "labels", "annotations", "volumes", "tmpfs", "depends_on", "container_name"],
  ...["hostname", "working_dir", "user", "configs", "mem_limit", "mem_reservation", "cpus", "scale"],
  ...[
    "stdin_open",
    "tty",
    "privileged",
    "cap_add",
    "cap_drop",
    "read_only",
    "pull_policy",
    "stop_grace_period",
  ],
  ...["extra_hosts", "extends", "links", "networks"],
]);
const CARRIED_DEPLOY_KEYS = new Set(["replicas", "mode", "resources", "restart_policy", "labels"]);
const RESTART_FROM_CONDITION: Record<string, string> = {
  none: "no",
  "on-failure": "on-failure",
  any: "always",
};

export function serviceWorkload(service: ComposeService, context: ServiceContext): ServiceWorkload {
  const { definition, at, name } = service;
  const { problems } = context;
  warnUncarriedKeys(service, problems);
  const env = readEnvironment(definition.environment, [...at, "environment"], problems, context.variables);
  const envFrom = readEnvFileReferences(definition.env_file, [...at, "env_file"], problems)
    .map((reference) => context.configMaps.forEnvFile(reference, service.sourceName))
    .filter((configMap): configMap is string => configMap !== undefined);
  const ports = [
    ...readPorts(definition.ports, [...at, "ports"], problems),
    ...readExpose(definition.expose, [...at, "expose"], problems),
  ];
  const podVolumes = new NameScope();
  const storage = readServiceStorage(definition, at, context.declarations, problems, podVolumes);
  const configs = context.configMaps.mount(definition.configs, [...at, "configs"], podVolumes);
  const mounts = [...storage.mounts, ...configs.mounts];
  const volumes = [...storage.volumes, ...configs.volumes];
  const container = composeContainer(service, { env, envFrom, ports, mounts }, problems);
  const { kind, restartPolicy } = workloadKind(definition, at, problems);
  const grace = durationSeconds(definition.stop_grace_period);
  const hostAliases = readHostAliases(definition.extra_hosts);
  const podSpec = {
    ...(typeof definition.hostname === "string" ? { hostname: definition.hostname } : {}),
    containers: [container],
    ...(volumes.length > 0 ? { volumes } : {}),
    ...(restartPolicy ? { restartPolicy } : {}),
    ...(grace !== undefined ? { terminationGracePeriodSeconds: wholeSeconds(grace, 0) } : {}),
    ...(hostAliases.length > 0 ? { hostAliases } : {}),
  };
  const annotations = {
    ...serviceAnnotations(definition),
    ...labelMap(mappingOrEmpty(definition.deploy).labels),
    ...(context.dependsOn.length > 0 ? { [DEPENDS_ON_ANNOTATION]: context.dependsOn.join(",") } : {}),
  };
  // Each place gets its own object: a design is edited in place, and a shared one would change in three.
  const labels = () => ({ [NAME_LABEL]: name });
  const metadata = {
    name,
    labels: labels(),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  const replicas = readReplicas(definition, at, kind, problems);
  if (kind === "Pod") {
    return {
      workload: { apiVersion: "v1", kind, metadata, spec: podSpec },
      ports,
      namedVolumes: storage.namedVolumes,
      replicas: 1,
    };
  }
  const template = { metadata: { labels: labels() }, spec: podSpec };
  const spec = {
    ...(kind === "Deployment" && replicas !== undefined ? { replicas } : {}),
    selector: { matchLabels: labels() },
    // A ReadWriteOnce claim cannot be held by the old and new pod of a rolling update on different nodes.
    ...(kind === "Deployment" && storage.namedVolumes.length > 0 ? { strategy: { type: "Recreate" } } : {}),
    template,
  };
  return {
    workload: { apiVersion: "apps/v1", kind, metadata, spec },
    ports,
    namedVolumes: storage.namedVolumes,
    replicas: replicas ?? 1,
  };
}

function workloadKind(definition: Record<string, unknown>, at: YamlPath, problems: ComposeProblems) {
  const deploy = mappingOrEmpty(definition.deploy);
  if (deploy.mode === "global") return { kind: "DaemonSet" } as const;
  const condition = mappingOrEmpty(deploy.restart_policy).condition;
  const restart =
    definition.restart === false ? "no" : (definition.restart ?? RESTART_FROM_CONDITION[String(condition)]);
  if (restart === undefined || restart === "always" || restart === "unless-stopped")
    return { kind: "Deployment" } as const;
  const path = definition.restart === undefined ? [...at, "deploy", "restart_policy"] : [...at, "restart"];
  if (restart !== "no" && !(typeof restart === "string" && /^on-failure(:\d+)?$/.test(restart))) {
    problems.error(path, `restart ${String(restart)} is not no, always, on-failure or unless-stopped`);
    return { kind: "Deployment" } as const;
  }
  const restartPolicy = restart === "no" ? "Never" : "OnFailure";
  problems.warn(
    path,
    `a Deployment always restarts its pods: restart ${restart} makes this service a Pod with restartPolicy ${restartPolicy}`,
  );
  return { kind: "Pod", restartPolicy } as const;
}

function readReplicas(
  definition: Record<string, unknown>,
  at: YamlPath,
  kind: string,
  problems: ComposeProblems,
) {
  const deploy = mappingOrEmpty(definition.deploy);
  const replicas = deploy.replicas ?? definition.scale;
  const path = deploy.replicas === undefined ? [...at, "scale"] : [...at, "deploy", "replicas"];
  if (replicas === undefined) return undefined;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    problems.error(path, "replicas must be a whole number of at least 0");
    return undefined;
  }
  if (kind !== "Deployment")
    problems.warn(path, `a ${kind} has no replica count: replicas ${replicas} is ignored`);
  return replicas;
}

function readHostAliases(value: unknown): { ip: string; hostnames: string[] }[] {
  const pairs: [string, string][] = Array.isArray(value)
    ? value
        .filter((entry): entry is string => typeof entry === "string")
        .map((entry) => {
          const split = entry.search(/[:=]/);
          return [entry.slice(0, split), entry.slice(split + 1)];
        })
    : Object.entries(mappingOrEmpty(value)).map(([host, ip]) => [host, String(ip)]);
  const byAddress = new Map<string, string[]>();
  for (const [host, ip] of pairs) {
    if (host && ip) byAddress.set(ip, [...(byAddress.get(ip) ?? []), host]);
  }
  return [...byAddress].map(([ip, hostnames]) => ({ ip, hostnames }));
}

function warnUncarriedKeys(service: ComposeService, problems: ComposeProblems): void {
  for (const key of Object.keys(service.definition)) {
    if (key === "secrets") {
      problems.warn(
        [...service.at, key],
        `secrets of ${service.sourceName} are not imported: mount Kubernetes Secrets in their place`,
      );
    } else if (!CARRIED_KEYS.has(key) && !key.startsWith("x-")) {
      problems.warn(
        [...service.at, key],
        `${key} of service ${service.sourceName} is not carried over to Kubernetes`,
      );
    }
  }
  for (const key of Object.keys(mappingOrEmpty(service.definition.deploy))) {
    if (!CARRIED_DEPLOY_KEYS.has(key)) {
      problems.warn(
        [...service.at, "deploy", key],
        `deploy.${key} of service ${service.sourceName} is not carried over to Kubernetes`,
      );
    }
  }
}

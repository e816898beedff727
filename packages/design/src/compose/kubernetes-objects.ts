// A read Compose document as Kubernetes objects: workloads and Services per service, then claims and ConfigMaps.
import { ComposeConfigMaps, type ComposeFiles } from "./config-maps";
import { readDependencies } from "./depends-on";
import { labelMap } from "./labels";
import { NAME_LABEL, NameScope } from "./names";
import type { ComposeProblems } from "./problems";
import { storageQuantity } from "./quantities";
import { kubernetesService } from "./service";
import { type ComposeService, readServices } from "./services";
import { readVolumeDeclarations, VOLUME_SIZE_LABEL, type VolumeDeclaration } from "./volumes";
import { serviceWorkload } from "./workload";

export type ManifestObject = { apiVersion: string; kind: string; metadata: Record<string, unknown> } & Record<
  string,
  unknown
>;

export const DEFAULT_VOLUME_SIZE = "1Gi";
const TOP_LEVEL_KEYS = new Set([
  "version",
  "name",
  "services",
  "networks",
  "volumes",
  "configs",
  "secrets",
  "include",
]);

export function composeToKubernetesObjects(
  root: Record<string, unknown>,
  problems: ComposeProblems,
  files: ComposeFiles,
  variables: Readonly<Record<string, string>>,
): ManifestObject[] {
  checkTopLevelKeys(root, problems);
  const services = readServices(root.services, problems);
  const declarations = readVolumeDeclarations(root.volumes, problems);
  const configMaps = new ComposeConfigMaps(files, new NameScope(), problems);
  configMaps.declare(root.configs, variables);
  const dependencies = readDependencies(services, problems);
  const objects: ManifestObject[] = [];
  const mountedBy = new Map<string, { service: ComposeService; replicas: number }[]>();
  for (const service of services) {
    const dependsOn = dependencies.get(service.sourceName) ?? [];
    const built = serviceWorkload(service, { declarations, configMaps, variables, dependsOn, problems });
    objects.push(built.workload as ManifestObject);
    const front = kubernetesService(service, built.ports, problems);
    if (front) objects.push(front as ManifestObject);
    for (const volume of built.namedVolumes) {
      mountedBy.set(volume, [...(mountedBy.get(volume) ?? []), { service, replicas: built.replicas }]);
    }
  }
  objects.push(...persistentVolumeClaims(declarations, mountedBy, problems));
  objects.push(...(configMaps.objects as ManifestObject[]));
  return objects;
}

function persistentVolumeClaims(
  declarations: ReadonlyMap<string, VolumeDeclaration>,
  mountedBy: ReadonlyMap<string, { service: ComposeService; replicas: number }[]>,
  problems: ComposeProblems,
): ManifestObject[] {
  const claims: ManifestObject[] = [];
  for (const [volume, declaration] of declarations) {
    const users = mountedBy.get(volume) ?? [];
    const [first] = users;
    if (!first) {
      problems.warn(declaration.at, `volume ${volume} is not mounted by any service: no claim is made`);
      continue;
    }
    if (declaration.external) continue;
    // kompose reads the size from the service's labels too, so files written for it keep their sizes.
    const size =
      declaration.size ??
      users
        .map(({ service }) => storageQuantity(labelMap(service.definition.labels)[VOLUME_SIZE_LABEL]))
        .find(Boolean);
    if (!size) {
      problems.warn(
        declaration.at,
        `volume ${volume} has no ${VOLUME_SIZE_LABEL} label: its claim requests ${DEFAULT_VOLUME_SIZE}`,
      );
    }
    const sharers = users.filter((user) => user.replicas > 0);
    if (sharers.length > 1 || first.replicas > 1) {
      const who = sharers.map(({ service }) => service.sourceName).join(", ");
      problems.warn(
        declaration.at,
        `volume ${volume} is mounted by ${who} with more than one pod: a ReadWriteOnce claim keeps them on one node`,
      );
    }
    claims.push({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: declaration.claimName, labels: { [NAME_LABEL]: first.service.name } },
      spec: {
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: size ?? DEFAULT_VOLUME_SIZE } },
        ...(declaration.storageClassName ? { storageClassName: declaration.storageClassName } : {}),
      },
    });
  }
  return claims;
}

function checkTopLevelKeys(root: Record<string, unknown>, problems: ComposeProblems): void {
  for (const key of Object.keys(root)) {
    if (key.startsWith("x-")) continue;
    if (!TOP_LEVEL_KEYS.has(key)) problems.warn([key], `unknown top-level key ${key} is ignored`);
  }
  if (root.include !== undefined) {
    problems.warn(["include"], "include is not followed: import the included Compose files on their own");
  }
  const networks = root.networks;
  if (typeof networks === "object" && networks !== null && Object.keys(networks).length > 0) {
    problems.warn(
      ["networks"],
      "networks are not carried over: in a cluster every service reaches the others by their Service names",
    );
  }
  if (root.secrets !== undefined) {
    problems.warn(
      ["secrets"],
      "secrets are not imported: create them as Kubernetes Secrets, their values never travel in a design",
    );
  }
}

// Compose volumes: top-level named volumes as claims, and each service's mounts as pod volumes.
import { labelMap } from "./labels";
import { kubernetesName, type NameScope } from "./names";
import type { ComposeProblems, YamlPath } from "./problems";
import { storageQuantity } from "./quantities";

export const VOLUME_SIZE_LABEL = "kompose.volume.size";
const STORAGE_CLASS_LABEL = "kompose.volume.storage-class-name";

export type VolumeDeclaration = {
  claimName: string;
  external: boolean;
  size?: string;
  storageClassName?: string;
  at: YamlPath;
};
export type PodVolume = { name: string } & Record<string, unknown>;
export type VolumeMount = { name: string; mountPath: string; readOnly?: boolean; subPath?: string };
export type ServiceStorage = { volumes: PodVolume[]; mounts: VolumeMount[]; namedVolumes: string[] };
type MountRequest = { kind: "volume" | "bind" | "tmpfs"; source?: string; target: string; readOnly: boolean };

export function readVolumeDeclarations(
  value: unknown,
  problems: ComposeProblems,
): Map<string, VolumeDeclaration> {
  const declarations = new Map<string, VolumeDeclaration>();
  if (value === undefined || value === null) return declarations;
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.error(["volumes"], "volumes must be a mapping of volume names to definitions");
    return declarations;
  }
  const claimedBy = new Map<string, string>();
  for (const [key, raw] of Object.entries(value)) {
    const at = ["volumes", key];
    const definition = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const claimName = kubernetesName(typeof definition.name === "string" ? definition.name : key);
    const clash = claimedBy.get(claimName);
    if (!claimName || clash !== undefined) {
      problems.error(
        at,
        clash
          ? `volumes ${clash} and ${key} both become claim ${claimName}`
          : `volume ${key} has no usable name`,
      );
      continue;
    }
    claimedBy.set(claimName, key);
    const labels = labelMap(definition.labels);
    const size = storageQuantity(labels[VOLUME_SIZE_LABEL]);
    if (labels[VOLUME_SIZE_LABEL] !== undefined && !size) {
      problems.warn(
        at,
        `${VOLUME_SIZE_LABEL} "${labels[VOLUME_SIZE_LABEL]}" is not a Kubernetes quantity such as 10Gi`,
      );
    }
    if (definition.driver !== undefined || definition.driver_opts !== undefined) {
      problems.warn(
        at,
        `the driver of volume ${key} is not carried over: the cluster's default StorageClass applies`,
      );
    }
    const external = definition.external === true || typeof definition.external === "object";
    if (external)
      problems.warn(at, `volume ${key} is external: PersistentVolumeClaim ${claimName} must already exist`);
    declarations.set(key, {
      claimName,
      external,
      ...(size ? { size } : {}),
      ...(labels[STORAGE_CLASS_LABEL] ? { storageClassName: labels[STORAGE_CLASS_LABEL] } : {}),
      at,
    });
  }
  return declarations;
}

export function readServiceStorage(
  service: Record<string, unknown>,
  at: YamlPath,
  declarations: ReadonlyMap<string, VolumeDeclaration>,
  problems: ComposeProblems,
  names: NameScope,
): ServiceStorage {
  const storage: ServiceStorage = { volumes: [], mounts: [], namedVolumes: [] };
  const podVolumeOf = new Map<string, string>();
  const requests: [MountRequest | undefined, YamlPath][] = [
    ...listOf(service.volumes, [...at, "volumes"], problems).map(
      ([entry, path]): [MountRequest | undefined, YamlPath] => [mountRequest(entry, path, problems), path],
    ),
    ...listOf(service.tmpfs, [...at, "tmpfs"], problems).map(
      ([entry, path]): [MountRequest | undefined, YamlPath] => [
        typeof entry === "string"
          ? { kind: "tmpfs", target: entry.split(":")[0] ?? "", readOnly: false }
          : undefined,
        path,
      ],
    ),
  ];
  for (const [request, path] of requests) {
    if (!request) continue;
    if (!request.target.startsWith("/")) {
      problems.error(path, `the mount target "${request.target}" must be an absolute path`);
      continue;
    }
    const mount = (name: string) =>
      storage.mounts.push({
        name,
        mountPath: request.target,
        ...(request.readOnly ? { readOnly: true } : {}),
      });
    if (request.kind === "volume" && request.source) {
      const declaration = declarations.get(request.source);
      if (!declaration) {
        problems.error(path, `volume ${request.source} is not declared under the top-level volumes`);
        continue;
      }
      let name = podVolumeOf.get(request.source);
      if (!name) {
        name = names.claim(declaration.claimName);
        podVolumeOf.set(request.source, name);
        storage.namedVolumes.push(request.source);
        storage.volumes.push({ name, persistentVolumeClaim: { claimName: declaration.claimName } });
      }
      mount(name);
      continue;
    }
    if (request.kind === "bind") {
      problems.warn(
        path,
        `bind mount ${request.source} is not portable to a cluster: ${request.target} gets an empty emptyDir volume`,
      );
    } else if (request.kind === "volume") {
      problems.warn(
        path,
        `the anonymous volume at ${request.target} becomes an emptyDir: its data lives as long as the pod`,
      );
    }
    const name = names.claim(
      request.kind === "tmpfs" ? "tmpfs" : request.kind === "bind" ? "bind" : "scratch",
    );
    storage.volumes.push({ name, emptyDir: request.kind === "tmpfs" ? { medium: "Memory" } : {} });
    mount(name);
  }
  return storage;
}

function mountRequest(entry: unknown, at: YamlPath, problems: ComposeProblems): MountRequest | undefined {
  if (typeof entry === "string") {
    const [first = "", second, mode] = entry.split(":");
    // "/data" alone is an anonymous volume; "/data:ro" too, with a mode.
    if (second === undefined || (/^(ro|rw)$/.test(second) && mode === undefined && first.startsWith("/"))) {
      return { kind: "volume", target: first, readOnly: second === "ro" };
    }
    const bind = /^[./~]/.test(first);
    return {
      kind: bind ? "bind" : "volume",
      source: first,
      target: second,
      readOnly: (mode ?? "").split(",").includes("ro"),
    };
  }
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    problems.error(at, "a volume must be a string such as data:/var/lib/data or a mapping");
    return undefined;
  }
  const { type, source, target, read_only: readOnly } = entry as Record<string, unknown>;
  if (typeof target !== "string") {
    problems.error(at, "a long-form volume needs a target path");
    return undefined;
  }
  if (type !== "volume" && type !== "bind" && type !== "tmpfs") {
    problems.error(at, `volume type ${String(type)} is not supported: use volume, bind or tmpfs`);
    return undefined;
  }
  return {
    kind: type,
    ...(typeof source === "string" ? { source } : {}),
    target,
    readOnly: readOnly === true,
  };
}

function listOf(value: unknown, at: YamlPath, problems: ComposeProblems): [unknown, YamlPath][] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [[value, at]];
  if (!Array.isArray(value)) {
    problems.error(at, `${String(at.at(-1))} must be a list`);
    return [];
  }
  return value.map((entry, index) => [entry, [...at, index]]);
}

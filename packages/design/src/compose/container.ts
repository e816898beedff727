// The container of a Compose service: image, command, environment, ports, probe, resources, security.
import { splitCommandLine } from "./command-line";
import type { EnvVar } from "./environment";
import { livenessProbe } from "./healthcheck";
import type { PortMapping } from "./ports";
import type { ComposeProblems, YamlPath } from "./problems";
import { containerResources } from "./resources";
import type { ComposeService } from "./services";
import type { VolumeMount } from "./volumes";

export type ContainerInputs = {
  env: EnvVar[];
  envFrom: string[];
  ports: PortMapping[];
  mounts: VolumeMount[];
};

const PULL_POLICIES: Record<string, string> = {
  always: "Always",
  never: "Never",
  missing: "IfNotPresent",
  if_not_present: "IfNotPresent",
};

export function composeContainer(
  service: ComposeService,
  inputs: ContainerInputs,
  problems: ComposeProblems,
): Record<string, unknown> {
  const { definition, at } = service;
  // Compose's entrypoint replaces the image's ENTRYPOINT (Kubernetes' command), its command the CMD (args).
  const command = commandList(definition.entrypoint, [...at, "entrypoint"], problems);
  const args = commandList(definition.command, [...at, "command"], problems);
  const containerPorts = uniqueBy(inputs.ports, (p) => `${p.target}/${p.protocol}`).map((p) => ({
    name: `${p.protocol.toLowerCase()}-${p.target}`,
    containerPort: p.target,
    protocol: p.protocol,
  }));
  const probe = livenessProbe(definition.healthcheck, [...at, "healthcheck"], problems);
  const resources = containerResources(definition, at, problems);
  const securityContext = containerSecurity(definition, at, problems);
  const pullPolicy =
    typeof definition.pull_policy === "string" ? PULL_POLICIES[definition.pull_policy] : undefined;
  const named = typeof definition.container_name === "string" ? definition.container_name : "";
  return {
    name: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(named) ? named : service.name,
    image: service.image,
    ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
    ...(command ? { command } : {}),
    ...(args ? { args } : {}),
    ...(typeof definition.working_dir === "string" ? { workingDir: definition.working_dir } : {}),
    ...(inputs.envFrom.length > 0
      ? { envFrom: inputs.envFrom.map((name) => ({ configMapRef: { name } })) }
      : {}),
    ...(inputs.env.length > 0 ? { env: inputs.env } : {}),
    ...(containerPorts.length > 0 ? { ports: containerPorts } : {}),
    ...(probe ? { livenessProbe: probe } : {}),
    ...(resources ? { resources } : {}),
    ...(inputs.mounts.length > 0 ? { volumeMounts: inputs.mounts } : {}),
    ...(securityContext ? { securityContext } : {}),
    ...(definition.stdin_open === true ? { stdin: true } : {}),
    ...(definition.tty === true ? { tty: true } : {}),
  };
}

function commandList(value: unknown, at: YamlPath, problems: ComposeProblems): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    const words = splitCommandLine(value);
    if (!words) problems.error(at, `${String(at.at(-1))} has an unclosed quote`);
    return words;
  }
  if (Array.isArray(value) && value.every((part) => ["string", "number", "boolean"].includes(typeof part))) {
    return value.map(String);
  }
  problems.error(at, `${String(at.at(-1))} must be a string or a list of strings`);
  return undefined;
}

function containerSecurity(definition: Record<string, unknown>, at: YamlPath, problems: ComposeProblems) {
  const context: Record<string, unknown> = {};
  if (definition.privileged === true) context.privileged = true;
  if (definition.read_only === true) context.readOnlyRootFilesystem = true;
  const add = Array.isArray(definition.cap_add) ? definition.cap_add.map(String) : [];
  const drop = Array.isArray(definition.cap_drop) ? definition.cap_drop.map(String) : [];
  if (add.length > 0 || drop.length > 0) {
    context.capabilities = { ...(add.length > 0 ? { add } : {}), ...(drop.length > 0 ? { drop } : {}) };
  }
  if (definition.user !== undefined) {
    const match = /^(\d+)(?::(\d+))?$/.exec(String(definition.user));
    if (match) {
      context.runAsUser = Number(match[1]);
      if (match[2] !== undefined) context.runAsGroup = Number(match[2]);
    } else {
      problems.warn(
        [...at, "user"],
        `user ${String(definition.user)} is a name: Kubernetes needs a numeric user id, so the image's user applies`,
      );
    }
  }
  return Object.keys(context).length > 0 ? context : undefined;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

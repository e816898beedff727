// The `services` mapping of a Compose file: shape checks, Kubernetes names, and the image every service needs.
import { kubernetesName } from "./names";
import type { ComposeProblems, YamlPath } from "./problems";

export type ComposeService = {
  /** The key as written in the Compose file, which depends_on and messages use. */
  sourceName: string;
  /** The Kubernetes name of its workload and Service. */
  name: string;
  image: string;
  definition: Record<string, unknown>;
  at: YamlPath;
};

// Real applications have tens of services; the bound keeps checks such as depends_on cycles shallow.
export const MAX_SERVICES = 1000;

export function readServices(value: unknown, problems: ComposeProblems): ComposeService[] {
  if (value === undefined) {
    problems.error([], "the Compose file has no services");
    return [];
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.error(["services"], "services must be a mapping of service names to their definitions");
    return [];
  }
  if (Object.keys(value).length > MAX_SERVICES) {
    problems.error(["services"], `more than ${MAX_SERVICES} services: split the file`);
    return [];
  }
  const services: ComposeService[] = [];
  const sourceOf = new Map<string, string>();
  for (const [sourceName, definition] of Object.entries(value)) {
    const at = ["services", sourceName];
    if (typeof definition !== "object" || definition === null || Array.isArray(definition)) {
      problems.error(at, `service ${sourceName} must be a mapping with at least an image`);
      continue;
    }
    const name = kubernetesName(sourceName);
    const clash = sourceOf.get(name);
    if (!name || clash !== undefined) {
      const why = clash
        ? `services ${clash} and ${sourceName} both become ${name} in Kubernetes`
        : `service ${sourceName} has no usable Kubernetes name`;
      problems.error(at, why);
      continue;
    }
    sourceOf.set(name, sourceName);
    const image = readImage(definition as Record<string, unknown>, sourceName, at, problems);
    if (image !== undefined)
      services.push({ sourceName, name, image, definition: definition as Record<string, unknown>, at });
  }
  if (services.length === 0 && problems.errors.length === 0)
    problems.error(["services"], "the Compose file defines no services");
  return services;
}

function readImage(
  definition: Record<string, unknown>,
  sourceName: string,
  at: YamlPath,
  problems: ComposeProblems,
): string | undefined {
  const { image, build } = definition;
  if (image !== undefined && (typeof image !== "string" || image.trim() === "")) {
    problems.error([...at, "image"], `the image of service ${sourceName} must be a non-empty string`);
    return undefined;
  }
  if (typeof image === "string") {
    if (build !== undefined)
      problems.warn([...at, "build"], `service ${sourceName}: build is ignored, image ${image} is used`);
    return image.trim();
  }
  if (build !== undefined) {
    problems.error(
      [...at, "build"],
      `service ${sourceName}: builds are not supported; push an image and reference it`,
    );
  } else if (definition.extends !== undefined) {
    problems.error(
      [...at, "extends"],
      `service ${sourceName} extends another service, which is not supported: write its image out`,
    );
  } else {
    problems.error(at, `service ${sourceName} has neither an image nor a build`);
  }
  return undefined;
}

// Compose depends_on (list and map forms): checked against the services, cycles refused, kept per service.
import type { ComposeProblems } from "./problems";
import type { ComposeService } from "./services";

/** For each service (by Compose name), the Kubernetes names of the services it starts after. */
export function readDependencies(
  services: readonly ComposeService[],
  problems: ComposeProblems,
): Map<string, string[]> {
  const byName = new Map(services.map((service) => [service.sourceName, service]));
  const dependencies = new Map<string, string[]>();
  for (const service of services) {
    const at = [...service.at, "depends_on"];
    const value = service.definition.depends_on;
    let entries: [string, boolean][] = [];
    if (Array.isArray(value)) entries = value.map((entry) => [String(entry), true]);
    else if (typeof value === "object" && value !== null) {
      entries = Object.entries(value).map(([name, options]) => [
        name,
        (options as { required?: unknown } | null)?.required !== false,
      ]);
    } else if (value !== undefined && value !== null) {
      problems.error(at, "depends_on must be a list of services or a mapping of services to conditions");
    }
    const names: string[] = [];
    for (const [dependency, required] of entries) {
      const target = byName.get(dependency);
      if (dependency === service.sourceName) problems.error(at, `service ${dependency} depends on itself`);
      else if (target) names.push(target.name);
      else if (required)
        problems.error(at, `depends_on names ${dependency}, which is not a service of this file`);
      else problems.warn(at, `optional dependency ${dependency} is not a service of this file: ignored`);
    }
    dependencies.set(service.sourceName, names);
  }
  reportCycle(services, dependencies, problems);
  return dependencies;
}

// Compose refuses to start a cycle; carrying one over would give the relationship engine a loop to chase.
function reportCycle(
  services: readonly ComposeService[],
  dependencies: ReadonlyMap<string, string[]>,
  problems: ComposeProblems,
): void {
  const sourceOf = new Map(services.map((service) => [service.name, service]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (service: ComposeService, trail: string[]): string[] | undefined => {
    if (state.get(service.name) === "done") return undefined;
    if (state.get(service.name) === "visiting")
      return [...trail.slice(trail.indexOf(service.name)), service.name];
    state.set(service.name, "visiting");
    for (const next of dependencies.get(service.sourceName) ?? []) {
      const target = sourceOf.get(next);
      const cycle = target && visit(target, [...trail, service.name]);
      if (cycle) return cycle;
    }
    state.set(service.name, "done");
    return undefined;
  };
  for (const service of services) {
    const cycle = visit(service, []);
    if (cycle) {
      problems.error([...service.at, "depends_on"], `depends_on forms a cycle: ${cycle.join(" → ")}`);
      return;
    }
  }
}

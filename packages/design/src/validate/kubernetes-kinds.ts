// Which apiVersion/kind pairs Kubernetes serves, from the registry's built-in model, and the nearest one to a typo.
import { KUBERNETES_VERSION, type KubernetesKind, kubernetesKinds } from "@meshplane/registry";

/** A built-in kind, a pair Kubernetes does not serve (with a suggestion when one is obvious), or a custom resource. */
export type KindLookup =
  | { status: "built-in"; kind: KubernetesKind }
  | { status: "unknown"; message: string; suggestion?: string }
  | { status: "custom" };

// Groups Kubernetes removed entirely still belong to Kubernetes: a CRD cannot take them over.
const REMOVED_GROUPS = ["extensions"];

type Catalog = {
  byApiVersion: Map<string, KubernetesKind>;
  groups: Set<string>;
  byKind: Map<string, KubernetesKind[]>;
  kindNames: string[];
};

let catalog: Catalog | undefined;

function kindCatalog(): Catalog {
  if (catalog) return catalog;
  const byApiVersion = new Map<string, KubernetesKind>();
  const groups = new Set<string>(REMOVED_GROUPS);
  const byKind = new Map<string, KubernetesKind[]>();
  for (const kind of kubernetesKinds()) {
    byApiVersion.set(`${kind.apiVersion} ${kind.kind}`, kind);
    groups.add(kind.group);
    const same = byKind.get(kind.kind);
    if (same) same.push(kind);
    else byKind.set(kind.kind, [kind]);
  }
  catalog = { byApiVersion, groups, byKind, kindNames: [...byKind.keys()].sort() };
  return catalog;
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}

const STABILITY_RANK = { stable: 0, beta: 1, alpha: 2 } as const;

/** The apiVersion to use for a kind Kubernetes serves elsewhere: the same group first, stable before beta. */
function preferredVersion(candidates: readonly KubernetesKind[], group: string): KubernetesKind | undefined {
  return [...candidates].sort(
    (a, b) =>
      Number(b.group === group) - Number(a.group === group) ||
      STABILITY_RANK[a.stability] - STABILITY_RANK[b.stability] ||
      (a.apiVersion < b.apiVersion ? -1 : 1),
  )[0];
}

export function lookupKubernetesKind(apiVersion: string, kind: string): KindLookup {
  const { byApiVersion, groups, byKind, kindNames } = kindCatalog();
  const found = byApiVersion.get(`${apiVersion} ${kind}`);
  if (found) return { status: "built-in", kind: found };
  const group = groupOf(apiVersion);
  if (!groups.has(group)) return { status: "custom" };
  const release = `Kubernetes ${KUBERNETES_VERSION}`;
  const elsewhere = byKind.get(kind);
  if (elsewhere) {
    const better = preferredVersion(elsewhere, group) as KubernetesKind;
    return {
      status: "unknown",
      message: `${release} does not serve ${kind} at ${apiVersion}; it is served at ${better.apiVersion}`,
      suggestion: `${better.apiVersion} ${kind}`,
    };
  }
  const near = nearestKind(kind, kindNames);
  if (near) {
    const better = preferredVersion(byKind.get(near) ?? [], group) as KubernetesKind;
    return {
      status: "unknown",
      message: `${apiVersion} has no kind ${kind} in ${release}; did you mean ${better.apiVersion} ${near}?`,
      suggestion: `${better.apiVersion} ${near}`,
    };
  }
  return {
    status: "unknown",
    message: `${apiVersion} belongs to Kubernetes, and ${release} has no kind ${kind} in it`,
  };
}

/** The one kind within a small edit distance (case aside); none when two are equally near or none is near. */
function nearestKind(kind: string, names: readonly string[]): string | undefined {
  const wanted = kind.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const name of names) {
    // Capped one past the best so far: a result equal to the best is exact, and so is a tie.
    const distance = editDistance(wanted, name.toLowerCase(), bestDistance + 1);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/** Levenshtein distance with adjacent transpositions (Deploymnet → Deployment is one edit), capped at `cap`. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (twoBack[j - 2] as number) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= cap) return cap;
    twoBack = previous;
    previous = current;
  }
  return Math.min(previous[b.length] as number, cap);
}

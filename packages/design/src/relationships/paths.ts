// Reading and writing a component at a definition's path, where `_` stands for every element of an array.

export const WILDCARD = "_";

export function isConcrete(path: readonly string[]): boolean {
  return !path.includes(WILDCARD);
}

function child(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return /^\d+$/.test(segment) ? node[Number(segment)] : undefined;
  if (typeof node === "object" && node !== null) {
    return Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return undefined;
}

/** Every value the path reaches; missing and null values are left out. */
export function valuesAt(root: unknown, path: readonly string[]): unknown[] {
  const values: unknown[] = [];
  collect(root, path, 0, values);
  return values;
}

function collect(node: unknown, path: readonly string[], depth: number, out: unknown[]): void {
  if (node === undefined || node === null) return;
  if (depth === path.length) {
    out.push(node);
    return;
  }
  const segment = path[depth] as string;
  if (segment === WILDCARD) {
    if (Array.isArray(node)) for (const element of node) collect(element, path, depth + 1, out);
    return;
  }
  collect(child(node, segment), path, depth + 1, out);
}

/** The path with each `_` replaced by the index of an element that exists, once per element. */
export function concretePaths(root: unknown, path: readonly string[]): string[][] {
  const out: string[][] = [];
  expand(root, path, 0, [], out);
  return out;
}

function expand(node: unknown, path: readonly string[], depth: number, prefix: string[], out: string[][]) {
  if (node === undefined || node === null) return;
  if (depth === path.length) {
    out.push(prefix);
    return;
  }
  const segment = path[depth] as string;
  if (segment === WILDCARD) {
    if (!Array.isArray(node)) return;
    node.forEach((element, index) => {
      expand(element, path, depth + 1, [...prefix, String(index)], out);
    });
    return;
  }
  expand(child(node, segment), path, depth + 1, [...prefix, segment], out);
}

export function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const segment of path) node = child(node, segment);
  return node;
}

/** Sets a value at a concrete path, creating the objects on the way (never arrays: indexes must exist). */
export function setValueAt(root: Record<string, unknown>, path: readonly string[], value: unknown): boolean {
  let node: unknown = root;
  for (const [depth, segment] of path.entries()) {
    const last = depth === path.length - 1;
    if (Array.isArray(node)) {
      if (!/^\d+$/.test(segment) || Number(segment) >= node.length) return false;
      if (last) node[Number(segment)] = value;
      else node = node[Number(segment)];
      continue;
    }
    if (typeof node !== "object" || node === null) return false;
    const record = node as Record<string, unknown>;
    if (last) record[segment] = value;
    else {
      if (typeof record[segment] !== "object" || record[segment] === null) record[segment] = {};
      node = record[segment];
    }
  }
  return true;
}

// The design's components by id and by kind, so a selector finds its candidates without scanning everything.
import type { Component } from "../format/schema";

export type Selectable = { kind?: string; model?: { name: string } | undefined };

export class ComponentIndex {
  readonly byId = new Map<string, Component>();
  private readonly byKind = new Map<string, Component[]>();

  constructor(readonly all: readonly Component[]) {
    for (const component of all) {
      this.byId.set(component.id, component);
      const sameKind = this.byKind.get(component.component.kind);
      if (sameKind) sameKind.push(component);
      else this.byKind.set(component.component.kind, [component]);
    }
  }

  private readonly byKindAndModel = new Map<string, Component[]>();

  /** Components a selector item admits, in design order. */
  candidates(item: Selectable): readonly Component[] {
    const kind = item.kind ?? "*";
    const pool = kind === "*" ? this.all : (this.byKind.get(kind) ?? []);
    const model = item.model?.name;
    if (model === undefined || model === "*" || pool.length === 0) return pool;
    const key = `${kind}\u0000${model}`;
    let admitted = this.byKindAndModel.get(key);
    if (!admitted) {
      admitted = pool.filter((component) => component.model.name === model);
      this.byKindAndModel.set(key, admitted);
    }
    return admitted;
  }
}

export function admits(item: Selectable, component: Component): boolean {
  const kind = item.kind ?? "*";
  const model = item.model?.name ?? "*";
  return (
    (kind === "*" || kind === component.component.kind) && (model === "*" || model === component.model.name)
  );
}

/** Meshery's deny lists: a pair is refused when its from side matches a deny.from item and its to side a deny.to item. */
export function denied(
  deny: { from: readonly Selectable[]; to: readonly Selectable[] },
  from: Component,
  to: Component,
): boolean {
  // Loops, not some(): this runs for every pair found, and most deny lists are empty.
  let fromDenied = false;
  for (let i = 0; i < deny.from.length && !fromDenied; i++)
    fromDenied = admits(deny.from[i] as Selectable, from);
  if (!fromDenied) return false;
  for (let i = 0; i < deny.to.length; i++) if (admits(deny.to[i] as Selectable, to)) return true;
  return false;
}

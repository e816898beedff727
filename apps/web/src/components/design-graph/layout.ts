// A deterministic layout of a design: a box per Namespace, rows by kind tier inside it, boxes side by side.
import type { DesignComponent, DesignLink } from "../../lib/designs-content";
import { tierOf, tierRank } from "./kind-style";

export const nodeWidth = 200;
export const nodeHeight = 56;
/** A Container is drawn as a chip inside its workload's card rather than as a card of its own. */
export const chipHeight = 26;
const chipGap = 6;
const chipInset = 10;
const columnGap = 36;
const rowGap = 84;
const groupPadding = 24;
const groupHeader = 34;
const groupGap = 56;
/** A tier wider than this wraps onto more lines, so a design of hundreds of ConfigMaps stays a block. */
const maxColumns = 5;
/** Boxes wrap onto a new band past this width, so many namespaces do not make one endless strip. */
const maxBandWidth = 2400;

export type PlacedGroup = {
  key: string;
  label: string;
  /** The Namespace component the box draws; undefined for the cluster-scoped block, which has no box. */
  componentId: string | undefined;
  x: number;
  y: number;
  width: number;
  height: number;
};

export type PlacedNode = {
  id: string;
  groupKey: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The workload card this chip sits in; its alias relationship needs no edge. */
  attachedTo?: string;
};

export type DesignLayout = { groups: PlacedGroup[]; nodes: PlacedNode[] };

const clusterKey = "cluster";

type Member = DesignComponent & { rank: number; attachedTo?: string };

export function layoutDesign(components: DesignComponent[], links: DesignLink[]): DesignLayout {
  const membersOf = groupMembers(components, links);
  const neighbours = neighboursOf(links);
  const blocks = [...membersOf.entries()]
    .map(([key, members]) => ({ key, ...arrangeBlock(members, neighbours) }))
    .sort(
      (a, b) =>
        Number(a.key === clusterKey) - Number(b.key === clusterKey) ||
        b.cells.length - a.cells.length ||
        compareText(a.key, b.key),
    );
  const namespaces = new Map(
    components.filter((component) => component.kind === "Namespace").map((ns) => [ns.name, ns.id]),
  );
  const groups: PlacedGroup[] = [];
  const nodes: PlacedNode[] = [];
  let x = 0;
  let y = 0;
  let bandHeight = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > maxBandWidth) {
      x = 0;
      y += bandHeight + groupGap;
      bandHeight = 0;
    }
    const isCluster = block.key === clusterKey;
    groups.push({
      key: block.key,
      label: isCluster ? "cluster-scoped" : block.key,
      componentId: isCluster ? undefined : namespaces.get(block.key),
      x,
      y,
      width: block.width,
      height: block.height,
    });
    for (const cell of block.cells)
      nodes.push({ ...cell, groupKey: block.key, x: x + cell.x, y: y + cell.y });
    x += block.width + groupGap;
    bandHeight = Math.max(bandHeight, block.height);
  }
  return { groups, nodes };
}

/**
 * Which box each component goes in: its Namespace's (by an inventory relationship, else by its
 * `metadata.namespace`), its parent's for aliases such as Containers, else the cluster-scoped block.
 */
function groupMembers(components: DesignComponent[], links: DesignLink[]): Map<string, Member[]> {
  const byId = new Map(components.map((component) => [component.id, component]));
  const parentOf = new Map<string, string>();
  for (const link of links) {
    if (link.family === "hierarchical" && !parentOf.has(link.source)) parentOf.set(link.source, link.target);
  }
  const groupOf = (component: DesignComponent, depth: number): string => {
    if (component.kind === "Namespace") return component.name;
    const parent = byId.get(parentOf.get(component.id) ?? "");
    if (parent?.kind === "Namespace") return parent.name;
    if (component.namespace) return component.namespace;
    if (parent && depth < 8) return groupOf(parent, depth + 1);
    return clusterKey;
  };
  const attachedTo = (component: DesignComponent) => {
    const parent = byId.get(parentOf.get(component.id) ?? "");
    return component.kind === "Container" && parent && tierOf(parent.kind) === "workload"
      ? parent.id
      : undefined;
  };
  const members = new Map<string, Member[]>();
  for (const component of components) {
    const key = groupOf(component, 0);
    const list = members.get(key) ?? [];
    members.set(key, list);
    if (component.kind === "Namespace") continue;
    const parent = attachedTo(component);
    list.push({ ...component, rank: tierRank(component.kind), ...(parent ? { attachedTo: parent } : {}) });
  }
  return members;
}

function neighboursOf(links: DesignLink[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  for (const link of links) {
    neighbours.set(link.source, [...(neighbours.get(link.source) ?? []), link.target]);
    neighbours.set(link.target, [...(neighbours.get(link.target) ?? []), link.source]);
  }
  return neighbours;
}

type Cell = { id: string; x: number; y: number; width: number; height: number; attachedTo?: string };

/**
 * Rows by tier, each ordered under the nodes it links to in the rows above (their mean x), so edges
 * run mostly straight down; nodes with no such neighbour follow, by kind and name. A workload's
 * Containers stack inside its card, which grows to hold them.
 */
function arrangeBlock(
  members: Member[],
  neighbours: Map<string, string[]>,
): { cells: Cell[]; width: number; height: number } {
  const chipsOf = new Map<string, Member[]>();
  for (const member of members) {
    if (member.attachedTo)
      chipsOf.set(member.attachedTo, [...(chipsOf.get(member.attachedTo) ?? []), member]);
  }
  const cards = members.filter((member) => !member.attachedTo);
  const ranks = [...new Set(cards.map((member) => member.rank))].sort((a, b) => a - b);
  const widest = Math.max(1, ...ranks.map((rank) => cards.filter((m) => m.rank === rank).length));
  const innerWidth = lineWidth(Math.min(maxColumns, widest));
  const placedX = new Map<string, number>();
  const cells: Cell[] = [];
  let y = groupHeader;
  for (const rank of ranks) {
    const row = cards.filter((member) => member.rank === rank);
    const anchorOf = new Map(row.map((member) => [member.id, meanX(neighbours.get(member.id), placedX)]));
    row.sort(
      (a, b) =>
        (anchorOf.get(a.id) ?? Number.POSITIVE_INFINITY) - (anchorOf.get(b.id) ?? Number.POSITIVE_INFINITY) ||
        byKindAndName(a, b),
    );
    for (let start = 0; start < row.length; start += maxColumns) {
      const line = row.slice(start, start + maxColumns);
      const left = groupPadding + (innerWidth - lineWidth(line.length)) / 2;
      let lineHeight = nodeHeight;
      line.forEach((member, column) => {
        const x = left + column * (nodeWidth + columnGap);
        const chips = [...(chipsOf.get(member.id) ?? [])].sort(byKindAndName);
        const height =
          chips.length === 0 ? nodeHeight : nodeHeight + chips.length * (chipHeight + chipGap) + 4;
        cells.push({ id: member.id, x, y, width: nodeWidth, height });
        chips.forEach((chip, index) => {
          cells.push({
            id: chip.id,
            x: x + chipInset,
            y: y + nodeHeight - 4 + index * (chipHeight + chipGap),
            width: nodeWidth - 2 * chipInset,
            height: chipHeight,
            attachedTo: member.id,
          });
        });
        placedX.set(member.id, x);
        lineHeight = Math.max(lineHeight, height);
      });
      y += lineHeight + rowGap;
    }
  }
  const height = ranks.length === 0 ? groupHeader + groupPadding : y - rowGap + groupPadding;
  return { cells, width: innerWidth + 2 * groupPadding, height };
}

function byKindAndName(a: Member, b: Member): number {
  return compareText(a.kind, b.kind) || compareText(a.name, b.name) || compareText(a.id, b.id);
}

function lineWidth(count: number): number {
  return count * nodeWidth + Math.max(0, count - 1) * columnGap;
}

function meanX(ids: string[] | undefined, placedX: Map<string, number>): number | undefined {
  const xs = (ids ?? []).flatMap((id) => {
    const x = placedX.get(id);
    return x === undefined ? [] : [x];
  });
  return xs.length === 0 ? undefined : xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/** Code-point order, not the locale's, so the layout is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

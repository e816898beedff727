// Turns a laid-out design into React Flow's nodes and edges: Namespace boxes, component cards, styled links.
import type { Edge, Node, SmoothStepPathOptions } from "@xyflow/react";
import type { DesignComponent, DesignLink, LinkFamily } from "../../lib/designs-content";
import { badgeOf, type KindTier, tierColour, tierOf } from "./kind-style";
import type { DesignLayout } from "./layout";

export type ComponentNodeData = {
  name: string;
  kind: string;
  badge: string;
  tier: KindTier;
  colour: string;
  /** A chip inside its workload's card (a Container) rather than a card of its own. */
  chip: boolean;
};
export type NamespaceNodeData = { name: string; memberCount: number };
export type ComponentNode = Node<ComponentNodeData, "component">;
export type NamespaceNode = Node<NamespaceNodeData, "namespace">;
export type DesignNode = ComponentNode | NamespaceNode;
export type DesignEdge = Edge<{ family: LinkFamily }, "smoothstep"> & { pathOptions?: SmoothStepPathOptions };

type Side = "top" | "bottom" | "left" | "right";
type Box = { x: number; y: number; width: number; height: number };

/** One look per family, so a reader tells traffic from references from bindings from containment. */
export const linkLook: Record<LinkFamily, { colour: string; dash?: string; width: number; arrow: boolean }> =
  {
    network: { colour: "#2563eb", width: 2, arrow: true },
    reference: { colour: "#d97706", dash: "6 4", width: 1.6, arrow: true },
    binding: { colour: "#db2777", width: 2.4, arrow: true },
    hierarchical: { colour: "#94a3b8", dash: "2 4", width: 1.6, arrow: false },
    sibling: { colour: "#14b8a6", dash: "1 5", width: 1.2, arrow: false },
    other: { colour: "#6b7280", dash: "4 4", width: 1.4, arrow: true },
  };

export function flowElements(
  components: DesignComponent[],
  links: DesignLink[],
  layout: DesignLayout,
): { nodes: DesignNode[]; edges: DesignEdge[] } {
  const byId = new Map(components.map((component) => [component.id, component]));
  const boxes = new Map(layout.groups.flatMap((group) => (group.componentId ? [[group.key, group]] : [])));
  const boxOwners = new Set([...boxes.values()].map((group) => group.componentId));
  const nodes: DesignNode[] = [];
  for (const box of boxes.values()) {
    const component = byId.get(box.componentId ?? "");
    if (!component) continue;
    nodes.push({
      id: component.id,
      type: "namespace",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { name: component.name, memberCount: layout.nodes.filter((n) => n.groupKey === box.key).length },
      selectable: false,
    });
  }
  const placedBoxes = new Map<string, Box>(layout.nodes.map((placed) => [placed.id, placed]));
  const attached = new Map<string, string>();
  for (const placed of layout.nodes) {
    const component = byId.get(placed.id);
    if (!component) continue;
    // React Flow places a child relative to its parent: the chip's card, else the Namespace box.
    const card = placed.attachedTo ? placedBoxes.get(placed.attachedTo) : undefined;
    const box = boxes.get(placed.groupKey);
    const parent =
      card && placed.attachedTo
        ? { id: placed.attachedTo, ...card }
        : box?.componentId
          ? { ...box, id: box.componentId }
          : undefined;
    if (placed.attachedTo) attached.set(placed.id, placed.attachedTo);
    const tier = tierOf(component.kind);
    nodes.push({
      id: component.id,
      type: "component",
      position: parent ? { x: placed.x - parent.x, y: placed.y - parent.y } : { x: placed.x, y: placed.y },
      ...(parent ? { parentId: parent.id } : {}),
      width: placed.width,
      height: placed.height,
      data: {
        name: component.name,
        kind: component.kind,
        badge: badgeOf(component.kind),
        tier,
        colour: tierColour[tier],
        chip: Boolean(placed.attachedTo),
      },
    });
  }
  const stepPositionOf = stepPositions(links, placedBoxes);
  const edges: DesignEdge[] = [];
  for (const link of links) {
    // Members sit inside their Namespace's box, Containers inside their workload's card: the nesting
    // already says what these edges would.
    if (
      link.family === "hierarchical" &&
      (boxOwners.has(link.target) || attached.get(link.source) === link.target)
    )
      continue;
    const source = placedBoxes.get(link.source);
    const target = placedBoxes.get(link.target);
    if (!source || !target) continue;
    const [sourceSide, targetSide] = sidesBetween(source, target);
    const look = linkLook[link.family];
    const loop = sourceSide === targetSide;
    edges.push({
      id: link.id,
      source: link.source,
      target: link.target,
      sourceHandle: `${sourceSide}-source`,
      targetHandle: `${targetSide}-target`,
      type: "smoothstep",
      className: `design-edge design-edge-${link.family}`,
      label: edgeLabel(link, byId),
      data: { family: link.family },
      style: {
        stroke: look.colour,
        strokeWidth: look.width,
        ...(look.dash ? { strokeDasharray: look.dash } : {}),
      },
      ...(look.arrow ? { markerEnd: { type: "arrowclosed" as const, color: look.colour } } : {}),
      // A loop under its row stays just below it, above the turns of the edges that cross that gap.
      pathOptions: loop ? { offset: 14 } : { stepPosition: stepPositionOf(link) },
    });
  }
  return { nodes, edges };
}

/**
 * Where each edge turns between its two rows. Edges into several targets across one gap would all turn
 * half way and merge into one line; turning at a height per target keeps each one traceable. Network
 * edges keep the middle: they run between tiers that rarely hold more than a few cards.
 */
export function stepPositions(links: DesignLink[], boxes: Map<string, Box>): (link: DesignLink) => number {
  const targetsOf = new Map<LinkFamily, string[]>();
  for (const link of links) {
    if (!boxes.has(link.target)) continue;
    const targets = targetsOf.get(link.family) ?? [];
    if (!targets.includes(link.target)) targets.push(link.target);
    targetsOf.set(link.family, targets);
  }
  for (const targets of targetsOf.values())
    targets.sort((a, b) => (boxes.get(a)?.x ?? 0) - (boxes.get(b)?.x ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return (link) => {
    if (link.family === "network" || link.family === "hierarchical") return 0.5;
    const targets = targetsOf.get(link.family) ?? [];
    if (targets.length < 2) return 0.5;
    return 0.15 + (0.5 * targets.indexOf(link.target)) / (targets.length - 1);
  };
}

/**
 * Which sides an edge leaves and enters by: down or up between rows; within a row, sideways to a
 * neighbour, or a loop under the row when other cards stand between the two.
 */
export function sidesBetween(source: Box, target: Box): [Side, Side] {
  if (source.y + source.height <= target.y) return ["bottom", "top"];
  if (target.y + target.height <= source.y) return ["top", "bottom"];
  const dx = target.x - source.x;
  if (Math.abs(dx) > source.width * 1.5) return ["bottom", "bottom"];
  return dx >= 0 ? ["right", "left"] : ["left", "right"];
}

/**
 * Sibling (match-labels) links come in numbers and mostly repeat a network or reference link beside
 * them: their line style, in the legend, says enough, and their labels would bury the others.
 */
export function edgeLabel(link: DesignLink, byId: Map<string, DesignComponent>): string | undefined {
  if (link.family === "sibling") return undefined;
  const via = link.via ? byId.get(link.via) : undefined;
  return via ? `${link.subType} via ${via.name}` : link.subType;
}

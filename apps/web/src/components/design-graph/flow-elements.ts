// Turns a laid-out design into React Flow's nodes and edges: Namespace boxes, component cards, styled links.
import type { Edge, Node } from "@xyflow/react";
import type { DesignComponent, DesignLink, LinkFamily } from "../../lib/designs-content";
import { badgeOf, type KindTier, tierColour, tierOf } from "./kind-style";
import { type DesignLayout, nodeHeight, nodeWidth } from "./layout";

export type ComponentNodeData = { name: string; kind: string; badge: string; tier: KindTier; colour: string };
export type NamespaceNodeData = { name: string; memberCount: number };
export type ComponentNode = Node<ComponentNodeData, "component">;
export type NamespaceNode = Node<NamespaceNodeData, "namespace">;
export type DesignNode = ComponentNode | NamespaceNode;
export type DesignEdge = Edge<{ family: LinkFamily }>;

type Side = "top" | "bottom" | "left" | "right";

/** One look per family, so a reader tells traffic from references from bindings from containment. */
export const linkLook: Record<LinkFamily, { colour: string; dash?: string; width: number; arrow: boolean }> =
  {
    network: { colour: "#2563eb", width: 2, arrow: true },
    reference: { colour: "#d97706", dash: "6 4", width: 1.6, arrow: true },
    binding: { colour: "#db2777", width: 2.4, arrow: true },
    hierarchical: { colour: "#94a3b8", dash: "2 4", width: 1.6, arrow: false },
    sibling: { colour: "#0d9488", dash: "1 4", width: 1.6, arrow: false },
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
  const centres = new Map<string, { x: number; y: number }>();
  for (const placed of layout.nodes) {
    const component = byId.get(placed.id);
    if (!component) continue;
    centres.set(placed.id, { x: placed.x + nodeWidth / 2, y: placed.y + nodeHeight / 2 });
    const box = boxes.get(placed.groupKey);
    const tier = tierOf(component.kind);
    nodes.push({
      id: component.id,
      type: "component",
      // React Flow places a child relative to its parent box.
      position: box ? { x: placed.x - box.x, y: placed.y - box.y } : { x: placed.x, y: placed.y },
      ...(box?.componentId ? { parentId: box.componentId } : {}),
      width: nodeWidth,
      height: nodeHeight,
      data: {
        name: component.name,
        kind: component.kind,
        badge: badgeOf(component.kind),
        tier,
        colour: tierColour[tier],
      },
    });
  }
  const edges: DesignEdge[] = [];
  for (const link of links) {
    // A Namespace's members sit inside its box: the box already says what the edge would.
    if (link.family === "hierarchical" && boxOwners.has(link.target)) continue;
    const source = centres.get(link.source);
    const target = centres.get(link.target);
    if (!source || !target) continue;
    const [sourceSide, targetSide] = sidesBetween(source, target);
    const look = linkLook[link.family];
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
    });
  }
  return { nodes, edges };
}

/**
 * Which sides an edge leaves and enters by: down or up between rows; along a row, sideways to a
 * neighbour, or a loop under the row when other cards stand between the two.
 */
export function sidesBetween(
  source: { x: number; y: number },
  target: { x: number; y: number },
): [Side, Side] {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  if (Math.abs(dy) < nodeHeight) {
    if (Math.abs(dx) > nodeWidth * 1.5) return ["bottom", "bottom"];
    return dx >= 0 ? ["right", "left"] : ["left", "right"];
  }
  return dy > 0 ? ["bottom", "top"] : ["top", "bottom"];
}

export function edgeLabel(link: DesignLink, byId: Map<string, DesignComponent>): string {
  const via = link.via ? byId.get(link.via) : undefined;
  return via ? `${link.subType} via ${via.name}` : link.subType;
}

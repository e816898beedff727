// React Flow elements of a design: one node per component, boxes before their members, edges by family.
import { describe, expect, it } from "vitest";
import { type DesignLink, readDesignContent } from "../../lib/designs-content";
import { shopDesign } from "./design-fixture.testing";
import { edgeLabel, flowElements, sidesBetween, stepPositions } from "./flow-elements";
import { layoutDesign, nodeHeight, nodeWidth } from "./layout";

function shopElements() {
  const { components, links } = readDesignContent(shopDesign());
  return flowElements(components, links, layoutDesign(components, links));
}

describe("flowElements", () => {
  it("draws every component once: the Namespace as a box, the others as cards", () => {
    const { nodes } = shopElements();
    expect(nodes).toHaveLength(10);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(10);
    expect(nodes.find((node) => node.id === "ns")?.type).toBe("namespace");
    expect(nodes.filter((node) => node.type === "component")).toHaveLength(9);
  });

  it("lists each box before its members, which sit relative to it", () => {
    const { nodes } = shopElements();
    const boxIndex = nodes.findIndex((node) => node.id === "ns");
    const members = nodes.filter((node) => node.parentId === "ns");
    expect(members.map((node) => node.id).sort()).toEqual(["cm", "dep", "ing", "rb", "role", "sa", "svc"]);
    for (const member of members) {
      expect(nodes.indexOf(member)).toBeGreaterThan(boxIndex);
      expect(member.position.x).toBeGreaterThan(0);
    }
    expect(nodes.find((node) => node.id === "cr")?.parentId).toBeUndefined();
  });

  it("nests a Container in its workload's card, as a chip, and draws no edge for that", () => {
    const { nodes } = shopElements();
    const chipIndex = nodes.findIndex((node) => node.id === "ctr");
    expect(nodes[chipIndex]).toMatchObject({ parentId: "dep", data: { chip: true } });
    expect(chipIndex).toBeGreaterThan(nodes.findIndex((node) => node.id === "dep"));
    expect(nodes[chipIndex]?.position.y).toBeGreaterThan(0);
  });

  it("leaves out the edges the nesting stands for, and styles the rest by family", () => {
    const { edges } = shopElements();
    expect(edges.map((edge) => edge.id.split(":")[0]).sort()).toEqual([
      "net-ing",
      "net-svc",
      "perm",
      "ref-cm",
    ]);
    const permission = edges.find((edge) => edge.id.startsWith("perm"));
    expect(permission?.label).toBe("permission via web-reads");
    expect(permission?.className).toContain("design-edge-binding");
    expect(edges.find((edge) => edge.id.startsWith("net-svc"))?.label).toBe("network");
    expect(edges.find((edge) => edge.id.startsWith("net-svc"))).toMatchObject({
      sourceHandle: "bottom-source",
      targetHandle: "top-target",
    });
    // The ConfigMap sits below the Deployment that reads it: the edge goes up.
    expect(edges.find((edge) => edge.id.startsWith("ref-cm"))).toMatchObject({
      sourceHandle: "top-source",
      targetHandle: "bottom-target",
    });
  });
});

describe("sidesBetween", () => {
  const card = (x: number, y: number, height = nodeHeight) => ({ x, y, width: nodeWidth, height });

  it("goes down or up between rows, whatever the cards' heights", () => {
    expect(sidesBetween(card(0, 0), card(0, 2 * nodeHeight))).toEqual(["bottom", "top"]);
    expect(sidesBetween(card(0, 2 * nodeHeight), card(300, 0, 100))).toEqual(["top", "bottom"]);
  });

  it("goes sideways to a neighbour in the same row and under the row past other cards", () => {
    expect(sidesBetween(card(0, 0), card(nodeWidth + 30, 0))).toEqual(["right", "left"]);
    expect(sidesBetween(card(0, 0, 120), card(-nodeWidth - 30, 0))).toEqual(["left", "right"]);
    expect(sidesBetween(card(0, 0), card(3 * nodeWidth, 0))).toEqual(["bottom", "bottom"]);
  });
});

describe("edgeLabel", () => {
  it("names a link by its subType and binding, and leaves the numerous match-labels links bare", () => {
    const { components, links } = readDesignContent(shopDesign());
    const byId = new Map(components.map((component) => [component.id, component]));
    const network = links.find((link) => link.family === "network");
    if (!network) throw new Error("the fixture has a network link");
    expect(edgeLabel(network, byId)).toBe("network");
    expect(edgeLabel({ ...network, family: "sibling", subType: "matchLabels" }, byId)).toBeUndefined();
  });
});

describe("stepPositions", () => {
  it("turns edges into different targets at different heights, and edges into one target together", () => {
    const { components, links } = readDesignContent(shopDesign());
    const boxes = new Map(layoutDesign(components, links).nodes.map((node) => [node.id, node]));
    const reference = (source: string, target: string): DesignLink => ({
      id: `${source}:${target}`,
      relationshipId: "r",
      source,
      target,
      family: "reference",
      kind: "edge",
      type: "non-binding",
      subType: "reference",
      status: undefined,
      via: undefined,
    });
    const spread = [reference("cm", "dep"), reference("sa", "dep"), reference("cm", "svc")];
    const positionOf = stepPositions(spread, boxes);
    const [a, b, c] = spread.map(positionOf);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    for (const position of [a, c]) expect(position).toBeGreaterThan(0);
    expect(positionOf({ ...reference("svc", "dep"), family: "network" })).toBe(0.5);
  });
});

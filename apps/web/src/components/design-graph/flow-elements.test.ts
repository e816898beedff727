// React Flow elements of a design: one node per component, boxes before their members, edges by family.
import { describe, expect, it } from "vitest";
import { readDesignContent } from "../../lib/designs-content";
import { shopDesign } from "./design-fixture.testing";
import { flowElements, sidesBetween } from "./flow-elements";
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
    expect(members.map((node) => node.id).sort()).toEqual(
      ["ctr", "dep", "ing", "rb", "role", "sa", "svc", "cm"].sort(),
    );
    for (const member of members) {
      expect(nodes.indexOf(member)).toBeGreaterThan(boxIndex);
      expect(member.position.x).toBeGreaterThan(0);
    }
    expect(nodes.find((node) => node.id === "cr")?.parentId).toBeUndefined();
  });

  it("leaves out the inventory edges the boxes stand for, and styles the rest by family", () => {
    const { edges } = shopElements();
    expect(edges.map((edge) => edge.id.split(":")[0]).sort()).toEqual(
      ["alias-ctr", "net-ing", "net-svc", "perm", "ref-cm"].sort(),
    );
    const permission = edges.find((edge) => edge.id.startsWith("perm"));
    expect(permission?.label).toBe("permission via web-reads");
    expect(permission?.className).toContain("design-edge-binding");
    expect(edges.find((edge) => edge.id.startsWith("alias"))?.markerEnd).toBeUndefined();
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
  it("goes sideways to a neighbour in the same row and under the row past other cards", () => {
    expect(sidesBetween({ x: 0, y: 0 }, { x: nodeWidth + 30, y: 0 })).toEqual(["right", "left"]);
    expect(sidesBetween({ x: 0, y: 0 }, { x: -nodeWidth - 30, y: 0 })).toEqual(["left", "right"]);
    expect(sidesBetween({ x: 0, y: 0 }, { x: 3 * nodeWidth, y: 0 })).toEqual(["bottom", "bottom"]);
    expect(sidesBetween({ x: 0, y: 0 }, { x: 0, y: 2 * nodeHeight })).toEqual(["bottom", "top"]);
  });
});

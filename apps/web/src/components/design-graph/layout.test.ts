// The design layout: boxes per Namespace, tiers top to bottom, no overlaps, and the same picture every time.
import { describe, expect, it } from "vitest";
import { type DesignComponent, readDesignContent } from "../../lib/designs-content";
import { shopDesign } from "./design-fixture.testing";
import { type DesignLayout, layoutDesign, nodeHeight, nodeWidth } from "./layout";

function shopLayout(): { layout: DesignLayout; at: (id: string) => { x: number; y: number; group: string } } {
  const { components, links } = readDesignContent(shopDesign());
  const layout = layoutDesign(components, links);
  const at = (id: string) => {
    const node = layout.nodes.find((placed) => placed.id === id);
    if (!node) throw new Error(`${id} was not placed`);
    return { x: node.x, y: node.y, group: node.groupKey };
  };
  return { layout, at };
}

type Box = { x: number; y: number; width: number; height: number };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("layoutDesign", () => {
  it("puts a Namespace's members, and the Containers of its workloads, in its box", () => {
    const { layout, at } = shopLayout();
    const shop = layout.groups.find((group) => group.key === "shop");
    expect(shop).toMatchObject({ label: "shop", componentId: "ns" });
    for (const id of ["ing", "svc", "dep", "ctr", "cm", "sa", "role", "rb"])
      expect(at(id).group).toBe("shop");
    // The Namespace is the box, not a card inside it.
    expect(layout.nodes.some((node) => node.id === "ns")).toBe(false);
    for (const node of layout.nodes.filter((n) => n.groupKey === "shop")) {
      expect(node.x).toBeGreaterThanOrEqual(shop?.x ?? Number.NaN);
      expect(node.x + nodeWidth).toBeLessThanOrEqual((shop?.x ?? 0) + (shop?.width ?? 0));
      expect(node.y + nodeHeight).toBeLessThanOrEqual((shop?.y ?? 0) + (shop?.height ?? 0));
    }
  });

  it("keeps cluster-scoped components outside any box, after the namespaces", () => {
    const { layout, at } = shopLayout();
    expect(at("cr").group).toBe("cluster");
    const cluster = layout.groups.find((group) => group.key === "cluster");
    expect(cluster?.componentId).toBeUndefined();
    expect(cluster?.x).toBeGreaterThan(layout.groups.find((group) => group.key === "shop")?.x ?? 0);
  });

  it("stacks tiers top to bottom: entry, services, workloads, configuration, policy", () => {
    const { at } = shopLayout();
    const rows = ["ing", "svc", "dep", "cm", "role"].map((id) => at(id).y);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(new Set(rows).size).toBe(rows.length);
    expect(at("cm").y).toBe(at("sa").y);
  });

  it("stacks a workload's Containers inside its card, which grows to hold them", () => {
    const { layout } = shopLayout();
    const card = layout.nodes.find((node) => node.id === "dep");
    const chip = layout.nodes.find((node) => node.id === "ctr");
    expect(chip?.attachedTo).toBe("dep");
    expect(card?.height).toBeGreaterThan(nodeHeight);
    expect(chip?.x).toBeGreaterThan(card?.x ?? Number.POSITIVE_INFINITY);
    expect((chip?.x ?? 0) + (chip?.width ?? 0)).toBeLessThan((card?.x ?? 0) + nodeWidth);
    expect((chip?.y ?? 0) + (chip?.height ?? 0)).toBeLessThanOrEqual((card?.y ?? 0) + (card?.height ?? 0));
    // The next row starts below the grown card.
    const configRow = layout.nodes.find((node) => node.id === "cm");
    expect(configRow?.y).toBeGreaterThan((card?.y ?? 0) + (card?.height ?? 0));
  });

  it("never lets two cards overlap", () => {
    const { layout } = shopLayout();
    const cards = layout.nodes.filter((node) => !node.attachedTo);
    for (const [i, a] of cards.entries())
      for (const b of cards.slice(i + 1)) expect(overlaps(a, b), `${a.id} and ${b.id}`).toBe(false);
  });

  it("gives the same positions whatever order the design lists its components and links in", () => {
    const { components, links } = readDesignContent(shopDesign());
    const first = layoutDesign(components, links);
    const second = layoutDesign([...components].reverse(), [...links].reverse());
    const byId = (layout: DesignLayout) => [...layout.nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(second)).toEqual(byId(first));
    expect(second.groups).toEqual(first.groups);
  });

  it("places a card under the cards it links to in the rows above", () => {
    const components: DesignComponent[] = [
      ...["a", "b", "c"].map((name) => ({
        id: `svc-${name}`,
        name,
        kind: "Service",
        model: "k",
        namespace: "n",
      })),
      ...["a", "b", "c"].map((name) => ({
        id: `dep-${name}`,
        // Names in the opposite order, so only the links can put them under their Services.
        name: `${"zyx"["abc".indexOf(name)]}`,
        kind: "Deployment",
        model: "k",
        namespace: "n",
      })),
    ];
    const links = ["a", "b", "c"].map((name) => ({
      id: name,
      relationshipId: name,
      source: `svc-${name}`,
      target: `dep-${name}`,
      family: "network" as const,
      kind: "edge",
      type: "non-binding",
      subType: "network",
      status: undefined,
      via: undefined,
    }));
    const layout = layoutDesign(components, links);
    const x = (id: string) => layout.nodes.find((node) => node.id === id)?.x;
    for (const name of ["a", "b", "c"]) expect(x(`dep-${name}`)).toBe(x(`svc-${name}`));
  });

  it("wraps a wide tier onto several lines and many namespaces onto several bands", () => {
    const components: DesignComponent[] = [];
    for (let ns = 0; ns < 6; ns++)
      for (let i = 0; i < 12; i++)
        components.push({
          id: `cm-${ns}-${i}`,
          name: `cm-${i}`,
          kind: "ConfigMap",
          model: "k",
          namespace: `ns-${ns}`,
        });
    const layout = layoutDesign(components, []);
    const lines = new Set(layout.nodes.filter((n) => n.groupKey === "ns-0").map((n) => n.y));
    expect(lines.size).toBe(3);
    expect(new Set(layout.groups.map((group) => group.y)).size).toBeGreaterThan(1);
    expect(Math.max(...layout.groups.map((group) => group.x + group.width))).toBeLessThan(2400 + 1300);
  });

  it("lays out an empty design as nothing", () => {
    expect(layoutDesign([], [])).toEqual({ groups: [], nodes: [] });
  });
});

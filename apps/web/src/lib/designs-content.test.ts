// Reading stored designs into components and links, including the shapes a loose Meshery export can take.
import { describe, expect, it } from "vitest";
import {
  network,
  shopDesign,
  storedComponent,
  storedRelationship,
} from "../components/design-graph/design-fixture.testing";
import { familyOf, readDesignContent } from "./designs-content";

describe("readDesignContent", () => {
  it("reads each component's name, kind, model and namespace", () => {
    const { components } = readDesignContent(shopDesign());
    expect(components).toHaveLength(10);
    expect(components.find((c) => c.id === "dep")).toEqual({
      id: "dep",
      name: "web",
      kind: "Deployment",
      model: "kubernetes",
      namespace: "shop",
    });
    expect(components.find((c) => c.id === "ctr")?.namespace).toBeUndefined();
  });

  it("makes one link per allowed from and to pair, with its family and the binding in between", () => {
    const { links } = readDesignContent(shopDesign());
    expect(links).toHaveLength(12);
    const permissionLink = links.find((link) => link.relationshipId === "perm");
    expect(permissionLink).toMatchObject({ source: "role", target: "sa", family: "binding", via: "rb" });
    expect(links.find((link) => link.relationshipId === "net-svc")).toMatchObject({
      source: "svc",
      target: "dep",
      family: "network",
      status: "approved",
      via: undefined,
    });
  });

  it("drops links to components the design does not have, and links of a component to itself", () => {
    const design = {
      components: [storedComponent({ id: "a", kind: "Service", name: "a" })],
      relationships: [
        storedRelationship("dangling", network, "a", "gone"),
        storedRelationship("self", network, "a", "a"),
      ],
    };
    expect(readDesignContent(design).links).toEqual([]);
  });

  it("draws nothing rather than failing on content that is not a design", () => {
    expect(readDesignContent("not a design")).toEqual({ components: [], links: [] });
    expect(readDesignContent({ components: [{ id: "x" }] }).components).toEqual([
      { id: "x", name: "x", kind: "Unknown", model: "", namespace: undefined },
    ]);
  });
});

describe("familyOf", () => {
  it("names the family by Meshery's kind, type and subType", () => {
    expect(familyOf({ kind: "edge", type: "non-binding", subType: "network" })).toBe("network");
    expect(familyOf({ kind: "edge", type: "non-binding", subType: "reference" })).toBe("reference");
    expect(familyOf({ kind: "edge", type: "binding", subType: "permission" })).toBe("binding");
    expect(familyOf({ kind: "Hierarchical", type: "parent", subType: "alias" })).toBe("hierarchical");
    expect(familyOf({ kind: "edge", type: "sibling", subType: "matchLabels" })).toBe("sibling");
    expect(familyOf({ kind: "edge", type: "annotation", subType: "note" })).toBe("other");
  });
});

import { describe, expect, it } from "vitest";
import { catalogQuery, readCatalogState, toggleFacet } from "./catalog";

describe("the catalog's URL state", () => {
  it("reads repeated facets, the search, the sort and the page, ignoring junk", () => {
    const state = readCatalogState({
      search: "  redis ",
      type: ["Security", "Scaling"],
      sort: "popular",
      page: "2",
      class: "",
    });
    expect(state).toEqual({
      search: "redis",
      sort: "popular",
      page: 2,
      filters: { type: ["Security", "Scaling"] },
    });
    expect(readCatalogState({ page: "-4", sort: "sideways" })).toEqual({
      sort: "recent",
      page: 0,
      filters: {},
    });
  });

  it("writes a query string that reads back the same", () => {
    const state = readCatalogState({ search: "tls & ingress", technology: "kubernetes", page: "1" });
    expect(readCatalogState(Object.fromEntries(new URLSearchParams(catalogQuery(state))))).toEqual(state);
    expect(catalogQuery({ sort: "recent", page: 0, filters: {} })).toBe("");
  });

  it("toggles one facet value and starts again at the first page", () => {
    const state = readCatalogState({ type: "Security", page: "3" });
    expect(toggleFacet(state, "type", "Security").filters.type).toEqual([]);
    const added = toggleFacet(state, "type", "Workloads");
    expect([added.filters.type, added.page]).toEqual([["Security", "Workloads"], 0]);
  });
});

import { describe, expect, it } from "vitest";
import { type Connection, unassignedConnections } from "./environments";

const connection = (id: string): Connection => ({ id, name: id, kind: "kubernetes", status: "connected" });

describe("unassignedConnections", () => {
  it("offers only the connections the environment does not hold yet", () => {
    const all = [connection("a"), connection("b"), connection("c")];
    expect(unassignedConnections(all, [connection("b")]).map((c) => c.id)).toEqual(["a", "c"]);
    expect(unassignedConnections(all, all)).toEqual([]);
  });
});

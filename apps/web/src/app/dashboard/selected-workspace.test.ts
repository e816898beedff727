import { describe, expect, it } from "vitest";
import { newWorkspaceSchema, pickWorkspace } from "./selected-workspace";

describe("pickWorkspace", () => {
  const workspaces = [{ id: "w1" }, { id: "w2" }];

  it("keeps the remembered workspace while the organisation has it", () => {
    expect(pickWorkspace(workspaces, "w2")?.id).toBe("w2");
  });

  it("falls back to the first workspace for a stale or foreign cookie, and to none for an empty list", () => {
    expect(pickWorkspace(workspaces, "w-of-another-org")?.id).toBe("w1");
    expect(pickWorkspace(workspaces, undefined)?.id).toBe("w1");
    expect(pickWorkspace([], "w1")).toBeUndefined();
  });

  it("asks for a workspace name", () => {
    expect(newWorkspaceSchema.safeParse({ name: " " }).success).toBe(false);
    expect(newWorkspaceSchema.parse({ name: " Staging " })).toEqual({ name: "Staging" });
  });
});

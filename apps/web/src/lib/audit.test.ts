import { describe, expect, it } from "vitest";
import { actionLabel, actorLabel, auditCursor, auditPagePath } from "./audit";

describe("actionLabel", () => {
  it("reads an action as its area and what happened", () => {
    expect(actionLabel("membership.roles_changed")).toBe("Membership · roles changed");
    expect(actionLabel("team.created")).toBe("Team · created");
    expect(actionLabel("system.instance.started")).toBe("System · instance started");
    expect(actionLabel("sign_in")).toBe("Sign in");
  });
});

describe("actorLabel", () => {
  const emails = new Map([["u1", "ada@x.test"]]);

  it("names a member by email, a departed user as such, and other actors by kind", () => {
    expect(actorLabel({ actorType: "user", actorId: "u1" }, emails)).toBe("ada@x.test");
    expect(actorLabel({ actorType: "user", actorId: "u9" }, emails)).toBe("a former member");
    expect(actorLabel({ actorType: "api_token", actorId: null }, emails)).toBe("api token");
  });
});

describe("audit paging", () => {
  it("keeps a valid `before` as an ISO instant and drops anything else", () => {
    expect(auditCursor("2024-05-01T10:00:00.000Z")).toBe("2024-05-01T10:00:00.000Z");
    expect(auditCursor("2024-05-01T12:00:00+02:00")).toBe("2024-05-01T10:00:00.000Z");
    expect(auditCursor("yesterday")).toBeUndefined();
    expect(auditCursor(undefined)).toBeUndefined();
  });

  it("links the next page by its cursor and the first page without one", () => {
    expect(auditPagePath("2024-05-01T10:00:00.000Z")).toBe(
      "/settings/audit?before=2024-05-01T10%3A00%3A00.000Z",
    );
    expect(auditPagePath(null)).toBe("/settings/audit");
  });
});

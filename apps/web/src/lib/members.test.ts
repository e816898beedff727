import { describe, expect, it } from "vitest";
import { memberLabel, membersForDisplay, readRoleChange, roleChangeSchema } from "./members";

const userId = "0b6f8f3c-8a8e-4d55-9a57-1f7d1c0b2a11";

describe("role change form", () => {
  it("reads every ticked role", () => {
    const form = new FormData();
    form.set("userId", userId);
    form.append("roleNames", "user");
    form.append("roleNames", "team_admin");
    expect(roleChangeSchema.parse(readRoleChange(form))).toEqual({
      userId,
      roleNames: ["user", "team_admin"],
    });
  });

  it("refuses a member left without roles", () => {
    const form = new FormData();
    form.set("userId", userId);
    expect(roleChangeSchema.safeParse(readRoleChange(form)).error?.issues[0]?.message).toBe(
      "A member needs at least one role",
    );
  });
});

describe("membersForDisplay", () => {
  it("puts the signed-in user first, then sorts by email", () => {
    const members = [
      { userId: "c", email: "carol@x.test" },
      { userId: "a", email: "alice@x.test" },
      { userId: "me", email: "zed@x.test" },
    ];
    expect(membersForDisplay(members, "me").map((m) => m.userId)).toEqual(["me", "a", "c"]);
  });

  it("labels a member by name and email when the name is known", () => {
    expect(memberLabel({ name: "Ada", email: "ada@x.test" })).toBe("Ada <ada@x.test>");
    expect(memberLabel({ name: null, email: "ada@x.test" })).toBe("ada@x.test");
  });
});

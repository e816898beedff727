import { describe, expect, it } from "vitest";
import {
  customRoleFormSchema,
  groupPermissionKeys,
  permissionAction,
  type Role,
  rolesInMatrixOrder,
} from "./roles";

const role = (key: string, builtIn: boolean, roleName = key): Role => ({
  id: key,
  key,
  roleName,
  description: "",
  builtIn,
  permissionKeys: [],
});

describe("groupPermissionKeys", () => {
  it("groups keys by the resource they act on, keeping the API's order", () => {
    expect(
      groupPermissionKeys(["org:read", "members:read", "members:invite", "org:update", "events:read"]),
    ).toEqual([
      { resource: "org", keys: ["org:read", "org:update"] },
      { resource: "members", keys: ["members:read", "members:invite"] },
      { resource: "events", keys: ["events:read"] },
    ]);
  });

  it("puts a key without a resource in a group of its own", () => {
    expect(groupPermissionKeys(["admin"])).toEqual([{ resource: "admin", keys: ["admin"] }]);
    expect(permissionAction("tokens:manage-own")).toBe("manage-own");
    expect(permissionAction("admin")).toBe("admin");
  });
});

describe("rolesInMatrixOrder", () => {
  it("orders built-in roles by authority and puts custom ones last, by name", () => {
    const ordered = rolesInMatrixOrder([
      role("zeta", false, "Zeta"),
      role("org_admin", true),
      role("alpha", false, "Alpha"),
      role("user", true),
      role("anonymous", true),
    ]);
    expect(ordered.map((r) => r.key)).toEqual(["anonymous", "user", "org_admin", "alpha", "zeta"]);
  });
});

describe("customRoleFormSchema", () => {
  const form = { key: "deployer", roleName: "Deployer", description: "", permissionKeys: ["designs:deploy"] };

  it("accepts what the API accepts", () => {
    expect(customRoleFormSchema.parse(form)).toEqual(form);
  });

  it("refuses a key the API would refuse, and a role that grants nothing", () => {
    expect(customRoleFormSchema.safeParse({ ...form, key: "Deployer" }).success).toBe(false);
    expect(customRoleFormSchema.safeParse({ ...form, key: "d" }).success).toBe(false);
    expect(customRoleFormSchema.safeParse({ ...form, permissionKeys: [] }).error?.issues[0]?.message).toBe(
      "Tick at least one permission",
    );
  });
});

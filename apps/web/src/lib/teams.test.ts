import { describe, expect, it } from "vitest";
import { namedFieldsSchema, readNamedFields } from "./teams";

describe("the name and description form of teams and environments", () => {
  it("trims the name and keeps an empty description", () => {
    const form = new FormData();
    form.set("name", "  staging ");
    expect(namedFieldsSchema.parse(readNamedFields(form))).toEqual({ name: "staging", description: "" });
  });

  it("refuses a blank name", () => {
    const form = new FormData();
    form.set("name", "   ");
    expect(namedFieldsSchema.safeParse(readNamedFields(form)).error?.issues[0]?.message).toBe(
      "Give it a name",
    );
  });
});

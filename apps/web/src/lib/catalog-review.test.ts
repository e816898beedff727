import { describe, expect, it } from "vitest";
import { catalogFieldErrorsOf, catalogFieldsOf, mayReviewCatalog } from "./catalog-review";

describe("the catalog fields form", () => {
  it("puts each of the API's validation issues on the field it names", () => {
    const message =
      '✖ Too small: expected string to have >=1 characters;   → at technology; ✖ Invalid option: expected one of "Deployment"|"Workloads";   → at type';
    expect(catalogFieldErrorsOf(message)).toEqual({
      technology: "Too small: expected string to have >=1 characters",
      type: 'Invalid option: expected one of "Deployment"|"Workloads"',
    });
  });

  it("keeps issues without a known field, and plain refusals, for the whole form", () => {
    expect(catalogFieldErrorsOf('✖ Unrecognized key: "class"')).toEqual({
      form: 'Unrecognized key: "class"',
    });
    expect(catalogFieldErrorsOf("this design already has a publication request waiting for review")).toEqual({
      form: "this design already has a publication request waiting for review",
    });
  });

  it("reads the four fields as text, empty when missing or not text", () => {
    const form = new FormData();
    form.set("type", "Security");
    form.set("caveats", "Needs TLS");
    form.set("info", new Blob(["not text"]));
    expect(catalogFieldsOf(form)).toEqual({
      type: "Security",
      technology: "",
      caveats: "Needs TLS",
      info: "",
    });
  });
});

describe("who sees the review link", () => {
  it("is curators and provider admins only", () => {
    expect(mayReviewCatalog({ roleNames: ["user", "curator"] })).toBe(true);
    expect(mayReviewCatalog({ roleNames: ["provider_admin"] })).toBe(true);
    expect(mayReviewCatalog({ roleNames: ["org_admin", "user"] })).toBe(false);
    expect(mayReviewCatalog({ roleNames: "curator" })).toBe(false);
    expect(mayReviewCatalog({})).toBe(false);
  });
});

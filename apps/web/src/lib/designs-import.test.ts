// The import form's rules: one source, the right field for archives, limits, and error messages split per problem.
import { describe, expect, it } from "vitest";
import { importFormOf, isBinaryFileName, maxFormSourceChars, splitImportError } from "./designs-import";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("importFormOf", () => {
  it("sends pasted text as content, with the optional name and workspace", () => {
    expect(
      importFormOf(form({ mode: "paste", content: "kind: Pod", name: " shop ", workspaceId: "w1" })),
    ).toEqual({
      source: { content: "kind: Pod" },
      name: "shop",
      workspaceId: "w1",
    });
  });

  it("sends a read file as content or, for archives, as base64, with its file name", () => {
    expect(importFormOf(form({ mode: "file", content: "a: 1", filename: "app.yaml" }))).toEqual({
      source: { content: "a: 1" },
      filename: "app.yaml",
    });
    expect(importFormOf(form({ mode: "file", contentBase64: "H4sI", filename: "chart.tgz" }))).toEqual({
      source: { contentBase64: "H4sI" },
      filename: "chart.tgz",
    });
  });

  it("sends a URL alone, even when the other fields are filled", () => {
    expect(importFormOf(form({ mode: "url", url: "https://example.com/a.yaml", content: "x" }))).toEqual({
      source: { url: "https://example.com/a.yaml" },
    });
  });

  it("says what is missing or wrong", () => {
    expect(importFormOf(form({ mode: "paste", content: "  " }))).toEqual({
      error: "Paste a design, manifests or a Compose file",
    });
    expect(importFormOf(form({ mode: "file" }))).toEqual({ error: "Choose a file to import" });
    expect(importFormOf(form({ mode: "url", url: "file:///etc/passwd" }))).toHaveProperty("error");
    expect(importFormOf(form({}))).toHaveProperty("error");
    expect(importFormOf(form({ mode: "paste", content: "x".repeat(maxFormSourceChars + 1) }))).toHaveProperty(
      "error",
    );
  });
});

describe("splitImportError", () => {
  it("lists each problem the API joined, keeping its document and line", () => {
    expect(
      splitImportError(
        "The kubernetes-manifests could not be imported: document 2, line 6: bad indent; line 9: unknown kind",
      ),
    ).toEqual({
      summary: "The kubernetes-manifests could not be imported:",
      problems: ["document 2, line 6: bad indent", "line 9: unknown kind"],
    });
  });

  it("leaves any other message whole", () => {
    expect(splitImportError("Could not fetch the URL: refused")).toEqual({
      summary: "Could not fetch the URL: refused",
      problems: [],
    });
  });
});

describe("isBinaryFileName", () => {
  it("treats archives as binary and manifests as text", () => {
    expect(isBinaryFileName("chart.tgz")).toBe(true);
    expect(isBinaryFileName("model.TAR.GZ")).toBe(true);
    expect(isBinaryFileName("app.yaml")).toBe(false);
    expect(isBinaryFileName("compose.yml")).toBe(false);
  });
});

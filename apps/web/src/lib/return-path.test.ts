import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site as it is", () => {
    expect(safeReturnPath("/provider/login?source=aGk&ref=Lw")).toBe("/provider/login?source=aGk&ref=Lw");
  });

  it("keeps only the path of an absolute URL, so the origin can never change", () => {
    expect(safeReturnPath("https://evil.example/settings/tokens?x=1#top")).toBe("/settings/tokens?x=1#top");
  });

  it("falls back for protocol-relative paths, other schemes, garbage and absence", () => {
    for (const value of [
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "dashboard",
      "",
      undefined,
      7,
    ])
      expect(safeReturnPath(value)).toBe("/dashboard");
    expect(safeReturnPath(undefined, "/")).toBe("/");
  });
});

describe("signInPath", () => {
  it("carries the return path and an optional error, encoded", () => {
    expect(signInPath("/provider/login?source=a&ref=b")).toBe(
      "/sign-in?callbackUrl=%2Fprovider%2Flogin%3Fsource%3Da%26ref%3Db",
    );
    expect(signInPath("/dashboard", "DevSignInDisabled")).toBe(
      "/sign-in?callbackUrl=%2Fdashboard&error=DevSignInDisabled",
    );
  });
});

import { describe, expect, it } from "vitest";
import { uploadTypeOf } from "./registry-import";

describe("the content type of a model upload", () => {
  it.each([
    ["istio.json", "application/json"],
    ["ISTIO.JSON", "application/json"],
    ["istio-1.22.tar.gz", "application/gzip"],
    ["istio.tgz", "application/gzip"],
    ["istio.tar", "application/x-tar"],
  ])("reads %s as %s", (name, type) => {
    expect(uploadTypeOf(name)).toBe(type);
  });

  it.each(["istio.zip", "istio.yaml", "istio", "tar.gz.exe", ""])("takes no %j", (name) => {
    expect(uploadTypeOf(name)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { splitCommandLine } from "./command-line";

describe("splitCommandLine", () => {
  it("splits on whitespace and keeps quoted words whole", () => {
    expect(splitCommandLine(`  sh -c 'echo "hi there"' "a b" c\\ d  `)).toEqual([
      "sh",
      "-c",
      'echo "hi there"',
      "a b",
      "c d",
    ]);
  });

  it("honours escapes inside double quotes only for the characters a shell does", () => {
    expect(splitCommandLine(String.raw`"say \"x\" \n" ''`)).toEqual([String.raw`say "x" \n`, ""]);
  });

  it("refuses an unclosed quote", () => {
    expect(splitCommandLine(`echo "oops`)).toBeUndefined();
    expect(splitCommandLine("echo 'oops")).toBeUndefined();
  });
});

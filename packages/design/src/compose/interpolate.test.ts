// biome-ignore-all lint/suspicious/noTemplateCurlyInString: "${VAR}" here is Compose syntax under test, not a mistaken template.
import { describe, expect, it } from "vitest";
import { interpolate } from "./interpolate";

const vars = { SET: "value", EMPTY: "" };
const expanded = (text: string) => {
  const result = interpolate(text, vars);
  if ("error" in result) throw new Error(result.error);
  return result.value;
};

describe("interpolate", () => {
  it("substitutes $VAR and ${VAR} and keeps $$ as a literal dollar", () => {
    expect(expanded("a-$SET-${SET}-$$SET-5$")).toBe("a-value-value-$SET-5$");
  });

  it("distinguishes the colon forms (unset or empty) from the plain ones (unset only)", () => {
    expect(expanded("${EMPTY:-d}|${EMPTY-d}|${MISSING-d}|${SET:-d}")).toBe("d||d|value");
    expect(expanded("${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}|${MISSING+alt}")).toBe("alt||alt|");
  });

  it("interpolates inside defaults", () => {
    expect(expanded("${MISSING:-${SET}-x}")).toBe("value-x");
    expect(expanded("${MISSING:-${ALSO_MISSING:-deep}}")).toBe("deep");
  });

  it("reports unset and required variables instead of failing", () => {
    expect(interpolate("$NOPE ${REQ:?give it} ${REQ2?}", vars)).toEqual({
      value: "  ",
      unset: ["NOPE"],
      required: [
        { name: "REQ", message: "give it" },
        { name: "REQ2", message: "" },
      ],
    });
  });

  it("refuses malformed expressions", () => {
    expect(interpolate("${1BAD}", vars)).toEqual({ error: 'invalid interpolation "${1BAD}"' });
    expect(interpolate("${SET", vars)).toEqual({ error: '"${" is not closed in "${SET"' });
  });
});

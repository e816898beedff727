import { describe, expect, it } from "vitest";
import { parseDotenv } from "./environment";

describe("parseDotenv", () => {
  it("reads KEY=value lines with export, quotes, escapes and trailing comments", () => {
    const text = [
      "# database",
      "export DB_HOST=db.internal",
      "DB_PORT = 5432",
      'GREETING="hello \\"you\\"\\nbye"',
      "RAW='$HOME stays # as is'",
      "URL=http://x/#anchor # comment",
      "EMPTY=",
      "",
    ].join("\n");
    expect(parseDotenv(text)).toEqual({
      variables: {
        DB_HOST: "db.internal",
        DB_PORT: "5432",
        GREETING: 'hello "you"\nbye',
        RAW: "$HOME stays # as is",
        URL: "http://x/#anchor",
        EMPTY: "",
      },
      unreadableLines: [],
    });
  });

  it("lists the lines it cannot read instead of guessing", () => {
    expect(parseDotenv('GOOD=1\njust words\nBAD="unclosed\n1X=2\r\n')).toEqual({
      variables: { GOOD: "1" },
      unreadableLines: [2, 3, 4],
    });
  });
});

import { describe, expect, it } from "vitest";
import { CliUsageError, parseCommandLine, parseDuration } from "./cli-args";

describe("parseDuration", () => {
  it.each([
    ["250ms", 250],
    ["10s", 10_000],
    ["1.5s", 1_500],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["30", 30_000],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseDuration(text, "--duration")).toBe(ms);
  });

  it("rejects other shapes, naming the flag", () => {
    expect(() => parseDuration("ten seconds", "--duration")).toThrow(/--duration must look like 500ms/);
  });
});

describe("parseCommandLine", () => {
  it("turns flags into run options", () => {
    const command = parseCommandLine([
      "-c",
      "50",
      "-t",
      "1",
      "-d",
      "5s",
      "-R",
      "1000",
      "-H",
      "X-Tenant: acme",
      "-b",
      "session=abc",
      "--json",
      "http://127.0.0.1:8080/",
    ]);
    expect(command).toEqual({
      help: false,
      json: true,
      options: expect.objectContaining({
        url: "http://127.0.0.1:8080/",
        connections: 50,
        threads: 1,
        durationMs: 5_000,
        rate: 1_000,
        headers: { "X-Tenant": "acme" },
        cookies: { session: "abc" },
        tls: { insecure: false, ca: undefined },
      }),
    });
  });

  it.each([
    [[], "the target URL is missing"],
    [["-c", "many", "http://h/"], '--connections must be a number, not "many"'],
    [["-H", "no-colon", "http://h/"], "--header must look like name:value"],
    [["--bogus", "http://h/"], "Unknown option '--bogus'"],
    [["http://a/", "http://b/"], "one URL only"],
  ])("rejects %j as a usage error", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(CliUsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});

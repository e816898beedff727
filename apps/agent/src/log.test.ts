import { describe, expect, it } from "vitest";
import type { LogLevel } from "./env";
import { createLogger, REDACTED } from "./log";

function capture(level: LogLevel) {
  const lines: string[] = [];
  const log = createLogger({ level, write: (line) => lines.push(line), now: () => new Date(0) });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, entries };
}

describe("createLogger", () => {
  it("writes one JSON line per entry with time, level, msg and fields", () => {
    const { log, lines, entries } = capture("info");
    log.info("agent running", { version: "1.2.3" });
    expect(lines).toEqual([
      `${JSON.stringify({ time: new Date(0).toISOString(), level: "info", msg: "agent running", version: "1.2.3" })}\n`,
    ]);
    expect(entries()[0]).toMatchObject({ msg: "agent running" });
  });

  it("drops entries below the configured level", () => {
    const { log, entries } = capture("warn");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(entries().map((e) => e.level)).toEqual(["warn", "error"]);
  });

  it("redacts fields whose key looks like a secret, at any depth", () => {
    const { log, lines, entries } = capture("debug");
    log.info("registering", {
      bootstrapToken: "mpb_1",
      headers: { Authorization: "Bearer abc", accept: "application/json" },
      db: { password: "hunter2", host: "db" },
      clientSecret: "s",
      api_key: "k",
      cluster: "prod",
    });
    expect(entries()[0]).toEqual({
      time: new Date(0).toISOString(),
      level: "info",
      msg: "registering",
      bootstrapToken: REDACTED,
      headers: { Authorization: REDACTED, accept: "application/json" },
      db: { password: REDACTED, host: "db" },
      clientSecret: REDACTED,
      api_key: REDACTED,
      cluster: "prod",
    });
    for (const secret of ["mpb_1", "Bearer abc", "hunter2"]) expect(lines.join("")).not.toContain(secret);
  });

  it("serializes errors and keeps fields from overriding the envelope", () => {
    const { log, entries } = capture("debug");
    log.error("boom", { err: new Error("disk full"), level: "debug", msg: "forged" });
    expect(entries()[0]).toMatchObject({
      level: "error",
      msg: "boom",
      err: { name: "Error", message: "disk full" },
    });
  });
});

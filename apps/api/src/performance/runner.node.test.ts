import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommandLineRunner, createInProcessRunner, loadThreadsAvailable } from "./runner.node";

describe("the one-machine runners", () => {
  let target: Server;
  let url: string;
  let cliPath: string;

  beforeAll(async () => {
    target = createServer((_, response) => response.end("ok")).listen(0, "127.0.0.1");
    await new Promise((resolve) => target.once("listening", resolve));
    url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    // The command line as the package's build makes it, into a folder of this test's own.
    const outdir = mkdtempSync(join(tmpdir(), "loadgen-cli-"));
    const build = (await import(
      pathToFileURL(join(__dirname, "../../../../packages/loadgen/build.mjs")).href
    )) as {
      buildLoadgen: (outdir: string) => Promise<void>;
    };
    await build.buildLoadgen(outdir);
    cliPath = join(outdir, "cli.js");
  }, 60_000);
  afterAll(() => new Promise((resolve) => target.close(resolve)));

  const request = () => ({
    url,
    method: "GET",
    headers: {},
    cookies: {},
    connections: 2,
    rate: 40,
    durationMs: 2_000,
  });

  it("reports each second as it closes when it runs in this process", async () => {
    const seenAt: number[] = [];
    const started = Date.now();
    const outcome = await createInProcessRunner().run(request(), {
      onSecond: () => seenAt.push(Date.now() - started),
    });
    expect(outcome.perSecond.length).toBeGreaterThanOrEqual(2);
    expect(seenAt.length).toBe(outcome.perSecond.length);
    // The first second was reported well before the run ended.
    expect(seenAt[0]).toBeLessThan(Date.now() - started - 500);
  });

  it("falls back to the command line, reporting the seconds with the result", async () => {
    const runner = createCommandLineRunner(cliPath);
    expect(runner.live).toBe(false);
    const outcome = await runner.run(request());
    expect(outcome.requests).toBeGreaterThan(60);
    expect(outcome.perSecond.length).toBeGreaterThanOrEqual(2);
    expect(outcome.histogram.format).toBe("meshplane-hdr-1");
  });

  it("knows where the load threads can start: from source, or beside a bundle that carries them", () => {
    expect(loadThreadsAvailable("file:///srv/api/src/performance/runner.node.ts")).toBe(true);
    expect(loadThreadsAvailable(pathToFileURL(join(tmpdir(), "no-such-bundle", "node.js")).href)).toBe(false);
    expect(loadThreadsAvailable(pathToFileURL(cliPath).href)).toBe(true);
  });
});

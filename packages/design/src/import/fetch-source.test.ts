import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REDIRECTS } from "./fetch-source";
import { fetchDesignSourceAllowing } from "./fetch-source.testing";
import { importDesignSource } from "./import-source";
import { type LoopbackServer, startLoopbackServer } from "./loopback-server";
import { gzipped, tarArchive } from "./test-archives";

const compose = readFileSync(new URL("../fixtures/shop-compose.yaml", import.meta.url), "utf8");
let server: LoopbackServer;
let chart: Uint8Array;
// The loopback server is refused by design; these tests let through its one address and nothing else.
const fetchLoopback = (path: string, options: Parameters<typeof fetchDesignSourceAllowing>[2] = {}) =>
  fetchDesignSourceAllowing(["127.0.0.1"], `${server.origin}${path}`, options);

beforeAll(async () => {
  chart = await gzipped(
    tarArchive([{ name: "podinfo/Chart.yaml", content: "apiVersion: v2\nname: podinfo\nversion: 6.7.1\n" }]),
  );
  server = await startLoopbackServer({ "/compose.yaml": compose, "/download": chart });
});
afterAll(() => server.close());

describe("fetching a design source from a URL", () => {
  it("fetches the bytes with the file name and content type, ready to import", async () => {
    const fetched = await fetchLoopback("/compose.yaml");
    if (!fetched.ok) throw new Error(fetched.message);
    expect(fetched).toMatchObject({
      url: `${server.origin}/compose.yaml`,
      filename: "compose.yaml",
      contentType: "application/yaml",
    });
    expect(new TextDecoder().decode(fetched.content)).toBe(compose);
    const imported = await importDesignSource({ content: fetched.content, filename: fetched.filename });
    expect(imported).toMatchObject({ ok: true, format: "docker-compose" });
  });

  it("takes the file name from Content-Disposition, without any path in it", async () => {
    const fetched = await fetchLoopback("/download");
    expect(fetched).toMatchObject({ ok: true, filename: "podinfo-6.7.1.tgz" });
    if (fetched.ok) expect(fetched.content).toEqual(chart);
  });

  it(`follows ${MAX_REDIRECTS} redirects and refuses the next one without requesting it`, async () => {
    expect(await fetchLoopback(`/hop/${MAX_REDIRECTS}`)).toMatchObject({
      ok: true,
      url: `${server.origin}/compose.yaml`,
    });
    const before = server.requests.length;
    expect(await fetchLoopback(`/hop/${MAX_REDIRECTS + 1}`)).toEqual({
      ok: false,
      code: "too-many-redirects",
      message: "more than 3 redirects",
    });
    expect(server.requests.slice(before)).toEqual(["/hop/4", "/hop/3", "/hop/2", "/hop/1"]);
  });

  it("re-checks every redirect: private, metadata, loopback names and other schemes are refused", async () => {
    const via = (to: string) => fetchLoopback(`/redirect?to=${encodeURIComponent(to)}`);
    expect(await via("http://10.0.0.1/design.yaml")).toEqual({
      ok: false,
      code: "forbidden-address",
      message: "10.0.0.1 is a private address: only public addresses can be fetched",
    });
    expect(await via("http://169.254.169.254/latest/meta-data/")).toMatchObject({
      code: "forbidden-address",
    });
    expect(await via(`http://localhost:${server.port}/compose.yaml`)).toMatchObject({
      code: "forbidden-address",
    });
    expect(await via(`http://[::1]:${server.port}/compose.yaml`)).toMatchObject({
      code: "forbidden-address",
    });
    expect(await via("file:///etc/passwd")).toMatchObject({ code: "unsupported-scheme" });
  });

  it("stops reading a body past maxBytes, whether or not Content-Length announced it", async () => {
    const started = performance.now();
    expect(await fetchLoopback("/huge")).toEqual({
      ok: false,
      code: "too-large",
      message: `the source is larger than ${5 * 1024 * 1024} bytes`,
    });
    await expect.poll(() => server.hugeBodyCutShort()).toBe(true);
    expect(await fetchLoopback("/declared-huge")).toMatchObject({ code: "too-large" });
    expect(await fetchLoopback("/compose.yaml", { maxBytes: 100 })).toMatchObject({ code: "too-large" });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("gives up after the timeout, whether the headers or the body stall", async () => {
    const started = performance.now();
    expect(await fetchLoopback("/stall", { timeoutMs: 200 })).toEqual({
      ok: false,
      code: "timeout",
      message: "the source did not arrive within 200 ms",
    });
    expect(await fetchLoopback("/stall-body", { timeoutMs: 200 })).toMatchObject({ code: "timeout" });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("reports the server's error status", async () => {
    expect(await fetchLoopback("/missing.yaml")).toEqual({
      ok: false,
      code: "http-error",
      message: `127.0.0.1:${server.port} answered 404`,
    });
  });

  it("resolves host names through resolveHost and checks what they resolve to", async () => {
    // The platform fetch would resolve "designs.test" itself; this one connects to the address we checked.
    const pinned: typeof fetch = (input, init) =>
      fetch(String(input).replace("designs.test", "127.0.0.1"), init);
    const resolved: string[] = [];
    const resolveHost = async (host: string) => {
      resolved.push(host);
      return ["127.0.0.1"];
    };
    const url = `http://designs.test:${server.port}/compose.yaml`;
    const fetched = await fetchDesignSourceAllowing(["127.0.0.1"], url, { fetch: pinned, resolveHost });
    expect(fetched).toMatchObject({ ok: true, filename: "compose.yaml" });
    expect(resolved).toEqual(["designs.test"]);
  });
});

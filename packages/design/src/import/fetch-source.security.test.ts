// The default configuration of fetchDesignSource refuses every way of reaching the service's own networks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDesignSource } from "./fetch-source";
import { type LoopbackServer, startLoopbackServer } from "./loopback-server";
import { resolveHostWithNodeDns } from "./resolve-host.node";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer({ "/compose.yaml": "services:\n  web: { image: nginx }\n" });
});
afterAll(() => server.close());

/** A fetch that must never be reached: the refusal has to come first. */
const unreachable: typeof fetch = async (input) => {
  throw new Error(`fetch was called for ${String(input)}`);
};

describe("fetchDesignSource refuses, by default", () => {
  it("the loopback server itself, which never sees a request", async () => {
    const before = server.requests.length;
    expect(await fetchDesignSource(`${server.origin}/compose.yaml`)).toEqual({
      ok: false,
      code: "forbidden-address",
      message: "127.0.0.1 is a loopback address: only public addresses can be fetched",
    });
    expect(await fetchDesignSource(`http://localhost:${server.port}/compose.yaml`)).toMatchObject({
      code: "forbidden-address",
      message: `localhost is a loopback name`,
    });
    expect(server.requests.length).toBe(before);
  });

  it("loopback, private, link-local, metadata, CGNAT, unspecified and multicast addresses in any spelling", async () => {
    const refused = [
      "http://127.0.0.1/",
      "http://localhost/",
      "http://LOCALHOST./",
      "http://api.localhost/",
      "http://[::1]/",
      "http://10.0.0.1/",
      "http://172.20.1.1/",
      "http://192.168.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/",
      "http://0.0.0.0/",
      "http://224.0.0.1/",
      "http://2130706433/",
      "http://0x7f.0.0.1/",
      "http://127.1/",
      "http://017700000001/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:a9fe:a9fe]/",
      "http://[fd00::1]/",
      "http://[fe80::1]/",
      "https://10.1.2.3:8443/design.yaml",
    ];
    for (const url of refused) {
      const result = await fetchDesignSource(url, { fetch: unreachable });
      expect(result, url).toMatchObject({ ok: false, code: "forbidden-address" });
    }
  });

  it("names the decimal form's real address", async () => {
    expect(await fetchDesignSource("http://2130706433/", { fetch: unreachable })).toEqual({
      ok: false,
      code: "forbidden-address",
      message: "127.0.0.1 is a loopback address: only public addresses can be fetched",
    });
  });

  it("host names that resolve to a private address, even among public ones", async () => {
    const resolveHost = async (host: string) =>
      host === "mixed.example" ? ["93.184.216.34", "10.0.0.7"] : ["169.254.169.254"];
    expect(
      await fetchDesignSource("http://mixed.example/d.yaml", { fetch: unreachable, resolveHost }),
    ).toEqual({
      ok: false,
      code: "forbidden-address",
      message:
        "mixed.example resolves to 10.0.0.7, which is a private address: only public addresses can be fetched",
    });
    expect(
      await fetchDesignSource("http://metadata.google.internal/", { fetch: unreachable, resolveHost }),
    ).toMatchObject({ code: "forbidden-address" });
  });

  it("a redirect from a public host to a private address, after one request", async () => {
    const requested: string[] = [];
    const redirecting: typeof fetch = async (input) => {
      requested.push(String(input));
      return new Response(null, { status: 302, headers: { location: `${server.origin}/compose.yaml` } });
    };
    const resolveHost = async () => ["93.184.216.34"];
    const before = server.requests.length;
    expect(
      await fetchDesignSource("https://designs.example/shop.yaml", { fetch: redirecting, resolveHost }),
    ).toEqual({
      ok: false,
      code: "forbidden-address",
      message: "127.0.0.1 is a loopback address: only public addresses can be fetched",
    });
    expect(requested).toEqual(["https://designs.example/shop.yaml"]);
    expect(server.requests.length).toBe(before);
  });

  it("schemes other than http and https, credentials, invalid URLs and names that do not resolve", async () => {
    for (const url of [
      "ftp://example.com/d.yaml",
      "file:///etc/passwd",
      "data:text/plain,x",
      "gopher://example.com/",
    ]) {
      expect(await fetchDesignSource(url, { fetch: unreachable }), url).toMatchObject({
        code: "unsupported-scheme",
      });
    }
    expect(await fetchDesignSource("https://user:secret@example.com/", { fetch: unreachable })).toMatchObject(
      {
        code: "credentials-in-url",
      },
    );
    expect(await fetchDesignSource("not a url", { fetch: unreachable })).toMatchObject({
      code: "invalid-url",
    });
    const failing = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(
      await fetchDesignSource("https://nowhere.example/", { fetch: unreachable, resolveHost: failing }),
    ).toEqual({
      ok: false,
      code: "unresolvable-host",
      message: "nowhere.example could not be resolved",
    });
    const empty = async () => [];
    expect(
      await fetchDesignSource("https://empty.example/", { fetch: unreachable, resolveHost: empty }),
    ).toMatchObject({
      code: "unresolvable-host",
    });
  });
});

describe("resolveHostWithNodeDns", () => {
  it("returns every address of a name, here the loopback ones from the hosts file", async () => {
    const addresses = await resolveHostWithNodeDns("localhost");
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((address) => address === "::1" || address.startsWith("127."))).toBe(true);
  });
});

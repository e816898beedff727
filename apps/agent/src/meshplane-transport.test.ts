import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bypassesProxy, createTransport } from "./meshplane-transport";

const listen = (server: http.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );

describe("bypassesProxy", () => {
  it("matches NO_PROXY hosts and domain suffixes as curl does", () => {
    expect(bypassesProxy("api.internal", "api.internal")).toBe(true);
    expect(bypassesProxy("x.svc.cluster.local", ".cluster.local")).toBe(true);
    expect(bypassesProxy("x.svc.cluster.local", "cluster.local:443")).toBe(true);
    expect(bypassesProxy("evilcluster.local", "cluster.local")).toBe(false);
    expect(bypassesProxy("anything", "*")).toBe(true);
    expect(bypassesProxy("meshplane.example.com", undefined)).toBe(false);
  });
});

describe("the Meshplane transport", () => {
  let caFile: string;
  let apiPort: number;
  let proxyPort: number;
  const tunnels: string[] = [];
  const forwarded: string[] = [];
  const servers: http.Server[] = [];

  beforeAll(async () => {
    // A private CA in one self-signed certificate, as a TLS-intercepting proxy or an internal PKI would have.
    const dir = mkdtempSync(join(tmpdir(), "agent-tls-"));
    caFile = join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        caFile,
      ],
      { stdio: "ignore" },
    );
    const api = https.createServer(
      { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(caFile) },
      (req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization ?? null }));
      },
    );
    const proxy = http.createServer((req, res) => {
      // Plain-HTTP proxying: the request target is the absolute URL.
      forwarded.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ proxied: req.url }));
    });
    proxy.on("connect", (req, client, head) => {
      tunnels.push(req.url ?? "");
      const [host, port] = (req.url ?? "").split(":");
      const upstream = net.connect(Number(port), host, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on("error", () => client.destroy());
    });
    servers.push(api, proxy);
    apiPort = await listen(api);
    proxyPort = await listen(proxy);
  });
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it("reaches an HTTPS API through an HTTPS_PROXY tunnel, trusting MESHPLANE_CA_FILE", async () => {
    const transport = createTransport({ caFile, httpsProxy: `http://127.0.0.1:${proxyPort}` });
    const response = await transport.request(new URL(`https://localhost:${apiPort}/api/agents/jobs`), {
      method: "GET",
      headers: { authorization: "Bearer mpa_x" },
      timeoutMs: 5_000,
    });
    expect(response).toEqual({ status: 200, body: { path: "/api/agents/jobs", auth: "Bearer mpa_x" } });
    expect(tunnels).toContain(`localhost:${apiPort}`);
  });

  it("keeps trusting NODE_EXTRA_CA_CERTS when MESHPLANE_CA_FILE is set too", async () => {
    const unrelated = join(mkdtempSync(join(tmpdir(), "agent-tls-other-")), "other.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=other",
        "-keyout",
        `${unrelated}.key`,
        "-out",
        unrelated,
      ],
      { stdio: "ignore" },
    );
    const transport = createTransport({ caFile: unrelated, extraCaFile: caFile });
    const response = await transport.request(new URL(`https://localhost:${apiPort}/extra`), {
      method: "GET",
      timeoutMs: 5_000,
    });
    expect(response.status).toBe(200);
  });

  it("refuses a certificate it was not told to trust", async () => {
    const transport = createTransport({});
    await expect(
      transport.request(new URL(`https://localhost:${apiPort}/`), { method: "GET", timeoutMs: 5_000 }),
    ).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it("goes direct for NO_PROXY hosts and sends plain HTTP through HTTP_PROXY", async () => {
    const direct = createTransport({ caFile, httpsProxy: "http://127.0.0.1:1", noProxy: "localhost" });
    expect(
      (
        await direct.request(new URL(`https://localhost:${apiPort}/direct`), {
          method: "GET",
          timeoutMs: 5_000,
        })
      ).status,
    ).toBe(200);

    const viaProxy = createTransport({ httpProxy: `http://127.0.0.1:${proxyPort}` });
    const response = await viaProxy.request(new URL("http://meshplane.internal/api/agents/heartbeat"), {
      method: "POST",
      body: { agentVersion: "1" },
      timeoutMs: 5_000,
    });
    expect(response.body).toEqual({ proxied: "http://meshplane.internal/api/agents/heartbeat" });
  });

  it("times out a request that gets no answer", async () => {
    const silent = net.createServer(() => {});
    const port = await new Promise<number>((resolve) =>
      silent.listen(0, "127.0.0.1", () => resolve((silent.address() as AddressInfo).port)),
    );
    const transport = createTransport({});
    await expect(
      transport.request(new URL(`http://127.0.0.1:${port}/`), { method: "GET", timeoutMs: 200 }),
    ).rejects.toThrow(/timed out/);
    silent.close();
  });
});

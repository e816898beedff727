// Owns the agent's HTTP(S) requests to the Meshplane API: timeouts, a custom CA, and HTTP(S)_PROXY/NO_PROXY.
import { readFileSync } from "node:fs";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { Duplex } from "node:stream";
import tls from "node:tls";

export interface TransportOptions {
  caFile?: string | undefined;
  extraCaFile?: string | undefined;
  httpsProxy?: string | undefined;
  httpProxy?: string | undefined;
  noProxy?: string | undefined;
}

export interface TransportResponse {
  status: number;
  body: unknown;
}

export interface Transport {
  request(
    url: URL,
    init: {
      method: string;
      headers?: Record<string, string>;
      body?: unknown;
      timeoutMs: number;
      signal?: AbortSignal;
    },
  ): Promise<TransportResponse>;
}

/** NO_PROXY as curl reads it: host names or domain suffixes, "*" for everything, ports ignored. */
export function bypassesProxy(host: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  return noProxy
    .split(",")
    .map((entry) => entry.trim().toLowerCase().replace(/:\d+$/, ""))
    .filter(Boolean)
    .some((entry) => {
      if (entry === "*") return true;
      const suffix = entry.startsWith(".") ? entry : `.${entry}`;
      return host === entry.replace(/^\./, "") || host.endsWith(suffix);
    });
}

// Opens a CONNECT tunnel through the proxy and hands back the TLS socket to the target inside it.
function tunnel(proxy: URL, target: URL, ca: string[] | undefined, timeoutMs: number) {
  return (_options: unknown, callback: (error: Error | null, socket?: Duplex) => void): undefined => {
    const authority = `${target.hostname}:${target.port || 443}`;
    const headers: Record<string, string> = { host: authority };
    if (proxy.username) {
      const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers["proxy-authorization"] = `Basic ${Buffer.from(user).toString("base64")}`;
    }
    const connect = http.request({
      hostname: proxy.hostname,
      port: proxy.port || 80,
      method: "CONNECT",
      path: authority,
      headers,
      timeout: timeoutMs,
    });
    connect.once("connect", (res: IncomingMessage, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        callback(new Error(`proxy refused CONNECT ${authority}: ${res.statusCode}`));
        return;
      }
      const secure = tls.connect({ socket, servername: target.hostname, ...(ca ? { ca } : {}) });
      secure.once("secureConnect", () => callback(null, secure));
      secure.once("error", (error) => callback(error));
    });
    connect.once("timeout", () =>
      connect.destroy(new Error(`proxy CONNECT timed out after ${timeoutMs} ms`)),
    );
    connect.once("error", (error) => callback(error));
    connect.end();
    return undefined;
  };
}

export function createTransport(options: TransportOptions): Transport {
  // Node trusts NODE_EXTRA_CA_CERTS on its own, but an explicit `ca` replaces its defaults: add both back.
  const ca = options.caFile
    ? [
        ...tls.rootCertificates,
        ...(options.extraCaFile ? [readFileSync(options.extraCaFile, "utf8")] : []),
        readFileSync(options.caFile, "utf8"),
      ]
    : undefined;
  const keepAlive = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true, ...(ca ? { ca } : {}) }),
  };

  return {
    request(url, init) {
      const secure = url.protocol === "https:";
      const proxyUrl = secure ? options.httpsProxy : options.httpProxy;
      const proxy = proxyUrl && !bypassesProxy(url.hostname, options.noProxy) ? new URL(proxyUrl) : undefined;
      const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
      const headers: Record<string, string> = { accept: "application/json", ...init.headers };
      if (payload !== undefined) headers["content-type"] = "application/json";

      let requestOptions: http.RequestOptions;
      if (proxy && secure) {
        // No agent at all: with one (even agent: false) Node ignores createConnection and dials the target.
        requestOptions = { createConnection: tunnel(proxy, url, ca, init.timeoutMs) as never };
      } else if (proxy) {
        // A plain-HTTP proxy takes the absolute URL as the request target.
        requestOptions = {
          hostname: proxy.hostname,
          port: proxy.port || 80,
          path: url.href,
          agent: keepAlive.http,
        };
      } else {
        requestOptions = { agent: secure ? keepAlive.https : keepAlive.http };
      }
      const send = secure ? https.request : http.request;
      return new Promise((resolve, reject) => {
        const req = send(url, {
          ...requestOptions,
          method: init.method,
          headers,
          timeout: init.timeoutMs,
          ...(init.signal ? { signal: init.signal } : {}),
        });
        req.once("timeout", () => req.destroy(new Error(`request timed out after ${init.timeoutMs} ms`)));
        req.once("error", reject);
        req.once("response", (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.once("error", reject);
          res.once("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // Proxies answer HTML error pages; keep the text for the error message.
            }
            resolve({ status: res.statusCode ?? 0, body });
          });
        });
        req.end(payload);
      });
    },
  };
}

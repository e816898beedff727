// Owns all I/O with the Kubernetes API server: raw JSON requests, authenticated through client-node's KubeConfig.
import http from "node:http";
import https from "node:https";
import { KubeConfig } from "@kubernetes/client-node";
import { backoffDelay, sleep } from "./backoff";

export interface KubeResponse {
  status: number;
  // Raw JSON: the typed client's models drop fields they do not know, which apply must never do.
  body: KubeBody;
}

// biome-ignore lint/suspicious/noExplicitAny: Kubernetes objects are open-ended JSON; callers narrow what they read.
export type KubeBody = any;

export interface KubeRequest {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
}

export interface KubeApi {
  request(method: string, path: string, options?: KubeRequest): Promise<KubeResponse>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const ATTEMPTS = 4;

export function loadKubeConfig(kubeconfig: string | undefined): KubeConfig {
  const config = new KubeConfig();
  if (kubeconfig) config.loadFromFile(kubeconfig);
  else config.loadFromCluster();
  return config;
}

function send(config: KubeConfig, method: string, url: URL, options: KubeRequest): Promise<KubeResponse> {
  return (async () => {
    const requestOptions: https.RequestOptions = {
      method,
      headers: { accept: "application/json" },
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
    // Adds the bearer token (re-read from the projected file), client certificates and the cluster CA.
    await config.applyToHTTPSOptions(requestOptions);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) {
      const headers = requestOptions.headers as Record<string, string>;
      headers["content-type"] = options.contentType ?? "application/json";
      // Explicit: without it the body goes chunked, which some servers and proxies refuse on DELETE.
      headers["content-length"] = String(Buffer.byteLength(payload));
    }
    const transport = url.protocol === "https:" ? https : http;
    return new Promise<KubeResponse>((resolve, reject) => {
      const req = transport.request(url, requestOptions, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("error", reject);
        res.once("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: KubeBody = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // Not JSON (a proxy's error page): kept as text for the error report.
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.once("timeout", () =>
        req.destroy(new Error(`Kubernetes API request timed out: ${method} ${url.pathname}`)),
      );
      req.once("error", reject);
      req.end(payload);
    });
  })();
}

/** Retries dropped connections, 429 and 5xx with jittered backoff; apply and delete are idempotent. */
export function createKubeApi(config: KubeConfig, retry = { baseMs: 200, capMs: 5_000 }): KubeApi {
  const cluster = config.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig names no current cluster");
  const server = cluster.server.replace(/\/+$/, "");

  return {
    async request(method, path, options = {}) {
      const url = new URL(server + path);
      for (const [key, value] of Object.entries(options.query ?? {})) {
        if (value !== undefined) url.searchParams.set(key, String(value));
      }
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await send(config, method, url, options);
          const busy = response.status === 429 || response.status >= 500;
          if (!busy || attempt + 1 >= ATTEMPTS) return response;
        } catch (error) {
          if (attempt + 1 >= ATTEMPTS) throw error;
        }
        await sleep(backoffDelay(attempt, retry));
      }
    },
  };
}

/** The Status message of a failed answer, for error reports. */
export function statusMessage(response: KubeResponse): string {
  const body = response.body as { message?: unknown } | string | undefined;
  if (typeof body === "string" && body) return body.slice(0, 500);
  if (body && typeof body === "object" && typeof body.message === "string") return body.message;
  return `HTTP ${response.status}`;
}

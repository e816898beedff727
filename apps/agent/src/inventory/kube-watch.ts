// Owns watch streams from the Kubernetes API server: one chunked JSON line per event, read with backpressure.
import http from "node:http";
import https from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";
import type { KubeBody } from "../kube-api";

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: KubeBody;
}

/** The watch could not start: `status` is the HTTP status (410 means the resourceVersion is too old). */
export class WatchRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "WatchRefused";
  }
}

export type OpenWatch = (
  path: string,
  query: Record<string, string>,
  signal: AbortSignal,
) => AsyncIterable<WatchEvent>;

/**
 * Watches through the kubeconfig's credentials. Silence longer than `idleMs` ends the stream with an error:
 * a half-open connection otherwise hangs forever. Bookmarks keep a healthy watch talking.
 */
export function createWatchOpener(config: KubeConfig, idleMs = 120_000): OpenWatch {
  const cluster = config.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig names no current cluster");
  const server = cluster.server.replace(/\/+$/, "");

  return async function* openWatch(path, query, signal) {
    const url = new URL(server + path);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    url.searchParams.set("watch", "true");
    const options: https.RequestOptions = { method: "GET", headers: { accept: "application/json" }, signal };
    await config.applyToHTTPSOptions(options);
    const transport = url.protocol === "https:" ? https : http;
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = transport.request(url, options, resolve);
      req.setTimeout(idleMs, () => req.destroy(new Error(`no answer to the watch within ${idleMs} ms`)));
      req.once("error", reject);
      req.end();
    });
    // Re-armed on every chunk; the request timeout above only covers waiting for the headers.
    response.socket?.setTimeout(idleMs, () =>
      response.destroy(new Error(`the watch was silent for ${idleMs} ms`)),
    );
    if (response.statusCode !== 200) {
      const chunks: Buffer[] = [];
      for await (const chunk of response) chunks.push(chunk as Buffer);
      let message = `HTTP ${response.statusCode}`;
      try {
        message = JSON.parse(Buffer.concat(chunks).toString("utf8")).message ?? message;
      } catch {
        // Not a Status: keep the HTTP status as the message.
      }
      throw new WatchRefused(response.statusCode ?? 0, message);
    }
    // Decodes across chunk boundaries, so a character split between two chunks arrives whole.
    response.setEncoding("utf8");
    let buffered = "";
    try {
      for await (const chunk of response) {
        buffered += chunk as string;
        let newline = buffered.indexOf("\n");
        while (newline >= 0) {
          const line = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (line) yield JSON.parse(line) as WatchEvent;
          newline = buffered.indexOf("\n");
        }
      }
    } finally {
      response.destroy();
    }
  };
}

// Owns a run's target: where its connections go (host, port, TLS) and the preflight connection that proves,
// before any thread starts, that the target can be reached at all.
import { connect as connectTcp, isIP, type Socket } from "node:net";
import { connect as connectTls } from "node:tls";
import { describeError } from "../engine/error-classes";
import type { ThreadConfig } from "../engine/thread-messages";
import type { ResolvedLoadOptions } from "../options";

export type Target = {
  host: string;
  port: number;
  tls: ThreadConfig["tls"];
  /** host:port as the user would recognise it in an error. */
  label: string;
};

export class TargetUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetUnreachableError";
  }
}

export function resolveTarget(options: Pick<ResolvedLoadOptions, "url" | "tls">): Target {
  const url = new URL(options.url);
  const secure = url.protocol === "https:";
  // URL keeps the brackets of an IPv6 literal; sockets want the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = url.port === "" ? (secure ? 443 : 80) : Number(url.port);
  return {
    host,
    port,
    // SNI carries names only: an IP literal is sent without one.
    tls: secure
      ? {
          servername: isIP(host) === 0 ? host : "",
          ca: options.tls.ca,
          rejectUnauthorized: !options.tls.insecure,
        }
      : null,
    label: `${url.protocol}//${url.host}`,
  };
}

/**
 * Connects once (with the TLS handshake for https) and hangs up; rejects with what went wrong. Resolves to the
 * address it reached, which the threads then dial: one name lookup per run, none per reconnect.
 */
export function checkTargetReachable(target: Target, connectTimeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const { host, port, tls } = target;
    const socket: Socket =
      tls === null
        ? connectTcp({ host, port })
        : connectTls({
            host,
            port,
            servername: tls.servername || undefined,
            ca: tls.ca,
            rejectUnauthorized: tls.rejectUnauthorized,
          });
    const fail = (reason: string) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new TargetUnreachableError(`cannot connect to ${target.label}: ${reason}`));
    };
    const timer = setTimeout(() => fail(`connect timed out after ${connectTimeoutMs} ms`), connectTimeoutMs);
    socket.once(tls === null ? "connect" : "secureConnect", () => {
      clearTimeout(timer);
      const address = socket.remoteAddress ?? host;
      socket.destroy();
      resolve(address);
    });
    socket.once("error", (error) => fail(describeError(error)));
  });
}

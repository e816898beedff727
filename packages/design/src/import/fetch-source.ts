// Design sources fetched from a URL on the server's behalf, refusing every address that is not public (SSRF).
import { addressRefusal, isIpAddress } from "./address-policy";
import { filenameOf, readLimited } from "./fetched-response";

export type ResolveHost = (hostname: string) => Promise<readonly string[]>;
export type FetchSourceOptions = {
  fetch?: typeof fetch;
  /** Default 5 MB, enforced while the body streams in, whatever Content-Length claims. */
  maxBytes?: number;
  /** For the whole exchange, redirects and body included. Default 15 s. */
  timeoutMs?: number;
  /** Default: node:dns, loaded only when needed. Workers pass their own (DNS over HTTPS, say). */
  resolveHost?: ResolveHost;
};
export type FetchRefusalCode =
  | "invalid-url"
  | "unsupported-scheme"
  | "credentials-in-url"
  | "forbidden-address"
  | "unresolvable-host"
  | "too-many-redirects"
  | "http-error"
  | "too-large"
  | "timeout"
  | "network-error";
export type FetchedSource = {
  ok: true;
  content: Uint8Array;
  url: string;
  filename?: string;
  contentType?: string;
};
export type FetchRefusal = { ok: false; code: FetchRefusalCode; message: string };
export type AddressCheck = (address: string) => string | undefined;

export const DEFAULT_MAX_FETCH_BYTES = 5 * 1024 * 1024;
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a design source from a public http(s) URL. The host is resolved and every address checked before each
 * request, redirects included. The platform's fetch resolves the name again when it connects, so a DNS answer that
 * changes in between (rebinding) is not caught here: deployments should also deny private egress at the network.
 */
export function fetchDesignSource(
  url: string,
  options: FetchSourceOptions = {},
): Promise<FetchedSource | FetchRefusal> {
  return fetchWithAddressCheck(url, options, addressRefusal);
}

/** The fetch with its address check as a parameter; production code goes through fetchDesignSource. */
export async function fetchWithAddressCheck(
  url: string,
  options: FetchSourceOptions,
  refusalOf: AddressCheck,
): Promise<FetchedSource | FetchRefusal> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await followRedirects(url, options, refusalOf, controller.signal);
  } catch (error) {
    if (controller.signal.aborted)
      return refuse("timeout", `the source did not arrive within ${timeoutMs} ms`);
    return refuse(
      "network-error",
      `the request failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(
  start: string,
  options: FetchSourceOptions,
  refusalOf: AddressCheck,
  signal: AbortSignal,
): Promise<FetchedSource | FetchRefusal> {
  const fetchImpl = options.fetch ?? fetch;
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    return refuse("invalid-url", "the URL is not valid");
  }
  for (let redirects = 0; ; redirects++) {
    const refused = await hostRefusal(url, options.resolveHost, refusalOf, signal);
    if (refused) return refused;
    const response = await fetchImpl(url.href, {
      redirect: "manual",
      signal,
      headers: { accept: "application/yaml, application/json, application/gzip;q=0.9, */*;q=0.5" },
    });
    if (REDIRECT_STATUSES.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get("location");
      if (!location)
        return refuse("http-error", `${url.host} answered ${response.status} without a Location`);
      if (redirects >= MAX_REDIRECTS)
        return refuse("too-many-redirects", `more than ${MAX_REDIRECTS} redirects`);
      try {
        url = new URL(location, url);
      } catch {
        return refuse("invalid-url", `${url.host} redirected to an invalid URL`);
      }
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return refuse("http-error", `${url.host} answered ${response.status}`);
    }
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_FETCH_BYTES;
    const content = await readLimited(response, maxBytes);
    if (!content) return refuse("too-large", `the source is larger than ${maxBytes} bytes`);
    const filename = filenameOf(response.headers.get("content-disposition"), url);
    const contentType = response.headers.get("content-type");
    return {
      ok: true,
      content,
      url: url.href,
      ...(filename ? { filename } : {}),
      ...(contentType ? { contentType } : {}),
    };
  }
}

async function hostRefusal(
  url: URL,
  resolveHost: ResolveHost | undefined,
  refusalOf: AddressCheck,
  signal: AbortSignal,
): Promise<FetchRefusal | undefined> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return refuse("unsupported-scheme", `only http and https URLs can be imported, not ${url.protocol}`);
  }
  if (url.username || url.password)
    return refuse("credentials-in-url", "URLs with credentials are not accepted");
  // The URL parser already turned decimal, hex and short IPv4 forms ("2130706433") into dotted quads.
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) {
    return refuse("forbidden-address", `${url.hostname} is a loopback name`);
  }
  let addresses: readonly string[];
  if (isIpAddress(host)) addresses = [host];
  else {
    try {
      const resolve = resolveHost ?? (await import("./resolve-host.node")).resolveHostWithNodeDns;
      addresses = await untilAborted(resolve(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      return refuse("unresolvable-host", `${url.hostname} could not be resolved`);
    }
  }
  if (addresses.length === 0) return refuse("unresolvable-host", `${url.hostname} has no addresses`);
  for (const address of addresses) {
    const reason = refusalOf(address);
    if (reason) {
      const subject = address === host ? url.hostname : `${url.hostname} resolves to ${address}, which`;
      return refuse("forbidden-address", `${subject} is ${reason}: only public addresses can be fetched`);
    }
  }
  return undefined;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function refuse(code: FetchRefusalCode, message: string): FetchRefusal {
  return { ok: false, code, message };
}

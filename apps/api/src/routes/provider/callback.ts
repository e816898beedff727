// Meshery Server's login callback, carried base64-encoded in `source`: only its /api/user/token URL is accepted.

export function decodeBase64Param(value: string): string | undefined {
  try {
    const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    return new TextDecoder("utf-8", { fatal: true }).decode(
      Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (char) => char.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}

/** The callback URL if `source` decodes to an http(s) URL ending in /api/user/token, without credentials. */
export function mesheryCallbackOf(source: string): URL | undefined {
  const decoded = decodeBase64Param(source);
  if (!decoded) return undefined;
  let url: URL;
  try {
    url = new URL(decoded);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username || url.password) return undefined;
  if (!url.pathname.endsWith("/api/user/token")) return undefined;
  return url;
}

// Where to send the browser after sign-in: always a path on this site, never another origin.
const fallbackPath = "/dashboard";

/**
 * Accepts a path ("/settings/tokens?x=1") or an absolute URL (Auth.js passes those) and keeps only the
 * path, query and fragment, so a crafted callbackUrl cannot send a freshly signed-in user elsewhere.
 */
export function safeReturnPath(value: unknown, fallback = fallbackPath): string {
  if (typeof value !== "string" || value === "") return fallback;
  if (value.startsWith("/")) {
    // "//host" and "/\host" are protocol-relative to browsers.
    if (value.startsWith("//") || value.startsWith("/\\")) return fallback;
    return value;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fallback;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInPath(returnTo: string, error?: string): string {
  const query = new URLSearchParams({ callbackUrl: returnTo, ...(error ? { error } : {}) });
  return `/sign-in?${query}`;
}

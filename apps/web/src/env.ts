// The web server's configuration, read from the environment in this one place.
import { z } from "zod";

const schema = z.object({
  API_PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  API_URL: z.url().optional(),
  NEXT_PUBLIC_API_URL: z.url().optional(),
});

export type WebEnv = { apiUrl: string; publicApiUrl: string };

export function readEnv(source: Record<string, string | undefined> = process.env): WebEnv {
  const parsed = schema.parse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  const apiUrl = trimSlash(parsed.API_URL ?? `http://127.0.0.1:${parsed.API_PORT}`);
  // Links are followed by the user's browser, which reaches a loopback API as localhost.
  const publicApiUrl = trimSlash(parsed.NEXT_PUBLIC_API_URL ?? apiUrl.replace("//127.0.0.1", "//localhost"));
  return { apiUrl, publicApiUrl };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

// What authentication needs from the environment, resolved once per entry: secrets, URLs, the dev sign-in switch.

export type AuthConfig = {
  /** Shared with the web app only: guards /api/internal/*. */
  internalSecret: string;
  /** 32 bytes, base64: seals credentials and the JWT signing keys at rest. */
  encryptionKey: string;
  /** The API's own public URL: the JWT issuer and the base of the provider endpoints. */
  publicUrl: string;
  /** The web app's URL: where /login sends the browser to sign in. */
  webUrl: string;
  /** The one-machine development sign-in; never on in production (the entries refuse to start). */
  devSignIn: boolean;
  /** Emails that become provider admins (and so curators) when they sign in. */
  providerAdmins?: readonly string[];
};

export function parseEmailList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
}

/** Minimum lengths keep a typo or a placeholder from becoming a real secret. */
export function checkAuthConfig(config: AuthConfig): string[] {
  const problems: string[] = [];
  if (config.internalSecret.length < 32) problems.push("MESHPLANE_INTERNAL_SECRET: at least 32 characters");
  const key = decodeBase64(config.encryptionKey);
  if (key?.length !== 32) problems.push("MESHPLANE_ENCRYPTION_KEY: 32 bytes, base64-encoded");
  return problems;
}

export function decodeBase64(value: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

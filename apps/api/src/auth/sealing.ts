// Secrets at rest: AES-256-GCM with a random nonce per value; the key id lets the key rotate.
import { decodeBase64, encodeBase64 } from "./config";

export type Sealed = { ciphertext: string; nonce: string; keyId: string };

const keys = new Map<string, Promise<{ key: CryptoKey; keyId: string }>>();

function importKey(encryptionKey: string) {
  let found = keys.get(encryptionKey);
  if (!found) {
    found = (async () => {
      const raw = decodeBase64(encryptionKey);
      if (raw?.length !== 32) throw new Error("the encryption key must be 32 bytes, base64-encoded");
      const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
      // A fingerprint, not the key: it names which key sealed a value.
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", raw));
      const keyId = `k_${Array.from(digest.slice(0, 6), (b) => b.toString(16).padStart(2, "0")).join("")}`;
      return { key, keyId };
    })();
    keys.set(encryptionKey, found);
  }
  return found;
}

/** Seals `plaintext`; `context` (e.g. the row's purpose) is bound as associated data, so values cannot be swapped. */
export async function seal(encryptionKey: string, plaintext: string, context: string): Promise<Sealed> {
  const { key, keyId } = await importKey(encryptionKey);
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv: nonce, additionalData: new TextEncoder().encode(context) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { ciphertext: encodeBase64(new Uint8Array(ciphertext)), nonce: encodeBase64(nonce), keyId };
}

export async function unseal(encryptionKey: string, sealed: Sealed, context: string): Promise<string> {
  const { key, keyId } = await importKey(encryptionKey);
  if (sealed.keyId !== keyId)
    throw new Error(`sealed with key ${sealed.keyId}, which this instance does not hold`);
  const plaintext = await crypto.subtle.decrypt(
    {
      name: "AES-GCM",
      iv: decodeBase64(sealed.nonce) ?? new Uint8Array(),
      additionalData: new TextEncoder().encode(context),
    },
    key,
    decodeBase64(sealed.ciphertext) ?? new Uint8Array(),
  );
  return new TextDecoder().decode(plaintext);
}

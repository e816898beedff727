// The API's JWTs: RS256 keys created on first use, stored sealed, published as a JWKS, rotated without downtime.
import {
  getActiveSigningKey,
  insertSigningKey,
  listPublishedSigningKeys,
  retireSigningKeys,
  type SigningKey,
} from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import {
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
} from "jose";
import type { AuthConfig } from "./config";
import { seal, unseal } from "./sealing";

export type Audience = "meshplane-web" | "meshery";
export const TOKEN_LIFETIME_SECONDS: Record<Audience, number> = { "meshplane-web": 600, meshery: 3600 };
const ALGORITHM = "RS256";
const SEAL_CONTEXT = "signing-key";

export type TokenClaims = { sub: string; aud: Audience; sid?: string };
export type VerifiedToken = TokenClaims & { exp: number; jti: string };

export class TokenError extends Error {
  constructor(readonly reason: "malformed" | "expired" | "invalid") {
    super(`token ${reason}`);
  }
}

const privateKeys = new Map<string, CryptoKey>();
const publicKeys = new Map<string, CryptoKey>();

async function createSigningKey(db: Db, config: AuthConfig): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = crypto.randomUUID();
  const sealed = await seal(config.encryptionKey, JSON.stringify(await exportJWK(privateKey)), SEAL_CONTEXT);
  return insertSigningKey(db, {
    kid,
    algorithm: ALGORITHM,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: "sig" },
    privateKeyCiphertext: sealed.ciphertext,
    privateKeyNonce: sealed.nonce,
    privateKeyKeyId: sealed.keyId,
  });
}

/** Keys sign for thirty days; the first token signed after that rotates them (on Node and on Workers alike). */
export const SIGNING_KEY_MAX_AGE_MS = 30 * 86_400_000;

async function activeKey(db: Db, config: AuthConfig): Promise<{ kid: string; key: CryptoKey }> {
  let row = (await getActiveSigningKey(db)) ?? (await createSigningKey(db, config));
  if (Date.now() - row.createdAt.getTime() > SIGNING_KEY_MAX_AGE_MS) {
    await rotateSigningKey(db, config);
    row = (await getActiveSigningKey(db)) ?? row;
  }
  let key = privateKeys.get(row.kid);
  if (!key) {
    const jwk = JSON.parse(
      await unseal(
        config.encryptionKey,
        { ciphertext: row.privateKeyCiphertext, nonce: row.privateKeyNonce, keyId: row.privateKeyKeyId },
        SEAL_CONTEXT,
      ),
    ) as JWK;
    key = (await importJWK(jwk, ALGORITHM)) as CryptoKey;
    privateKeys.set(row.kid, key);
  }
  return { kid: row.kid, key };
}

export async function signToken(
  db: Db,
  config: AuthConfig,
  claims: TokenClaims,
): Promise<{ token: string; expiresAt: Date }> {
  const { kid, key } = await activeKey(db, config);
  const now = Math.floor(Date.now() / 1000);
  const exp = now + TOKEN_LIFETIME_SECONDS[claims.aud];
  const token = await new SignJWT(claims.sid ? { sid: claims.sid } : {})
    .setProtectedHeader({ alg: ALGORITHM, kid, typ: "JWT" })
    .setIssuer(config.publicUrl)
    .setSubject(claims.sub)
    .setAudience(claims.aud)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000) };
}

async function publicKeyFor(db: Db, kid: string): Promise<CryptoKey | undefined> {
  const cached = publicKeys.get(kid);
  if (cached) return cached;
  const row = (await listPublishedSigningKeys(db)).find((key) => key.kid === kid);
  if (!row) return undefined;
  const key = (await importJWK(row.publicJwk as JWK, ALGORITHM)) as CryptoKey;
  publicKeys.set(kid, key);
  return key;
}

export async function verifyToken(
  db: Db,
  config: AuthConfig,
  token: string,
  audience: Audience,
): Promise<VerifiedToken> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw new TokenError("malformed");
  }
  const key = kid ? await publicKeyFor(db, kid) : undefined;
  if (!key) throw new TokenError("invalid");
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: config.publicUrl,
      audience,
    });
    if (
      typeof payload.sub !== "string" ||
      typeof payload.exp !== "number" ||
      typeof payload.jti !== "string"
    ) {
      throw new TokenError("invalid");
    }
    return {
      sub: payload.sub,
      aud: audience,
      exp: payload.exp,
      jti: payload.jti,
      ...(typeof payload.sid === "string" ? { sid: payload.sid } : {}),
    };
  } catch (error) {
    if (error instanceof TokenError) throw error;
    if (error instanceof Error && "code" in error && error.code === "ERR_JWT_EXPIRED") {
      throw new TokenError("expired");
    }
    throw new TokenError("invalid");
  }
}

/** The JWKS: every key a verifier may meet, the active one first. */
export async function publishedJwks(db: Db): Promise<{ keys: Record<string, unknown>[] }> {
  return { keys: (await listPublishedSigningKeys(db)).map((key) => key.publicJwk) };
}

/** Starts signing with a new key; the old ones stay published as long as tokens they signed may live. */
export async function rotateSigningKey(db: Db, config: AuthConfig): Promise<string> {
  const created = await createSigningKey(db, config);
  const longest = Math.max(...Object.values(TOKEN_LIFETIME_SECONDS));
  await retireSigningKeys(db, {
    keepKid: created.kid,
    publishUntil: new Date(Date.now() + longest * 1000),
  });
  return created.kid;
}

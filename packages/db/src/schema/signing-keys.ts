// Keys that sign the API's JWTs: the public half published as a JWKS, the private half stored sealed.
import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns";

export const signingKeys = pgTable(
  "signing_keys",
  {
    id: id(),
    // The JWT header's `kid`.
    kid: text().notNull().unique(),
    algorithm: text().notNull().default("RS256"),
    publicJwk: jsonb().$type<Record<string, unknown>>().notNull(),
    privateKeyCiphertext: text().notNull(),
    privateKeyNonce: text().notNull(),
    privateKeyKeyId: text().notNull(),
    // A retired key signs nothing new but stays published until the tokens it signed have expired.
    retiredAt: timestamp({ withTimezone: true }),
    publishUntil: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.retiredAt)],
);

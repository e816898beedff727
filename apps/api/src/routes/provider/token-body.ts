// The `{ "token": ... }` body Meshery Server posts to /refresh, /introspect and /revoke.
import { z } from "@hono/zod-openapi";

export const TokenBody = z.object({ token: z.string().min(1).max(8192) }).openapi("ProviderTokenBody");

export const tokenBodyRequest = {
  body: { content: { "application/json": { schema: TokenBody } }, required: true },
};

// The Inngest client: one app id ("meshplane"), keys passed in by each deployable's validated env.
import { Inngest } from "inngest";

export type InngestKeys = {
  eventKey?: string;
  signingKey?: string;
  signingKeyFallback?: string;
  /** Talk to a local Inngest dev server instead of Inngest Cloud. */
  isDev?: boolean;
  baseUrl?: string;
};

// Event types live in ./events (Inngest v4 types events per trigger with `eventType`, not on the client).
export function createInngestClient(keys: InngestKeys = {}): Inngest {
  return new Inngest({
    id: "meshplane",
    ...(keys.eventKey ? { eventKey: keys.eventKey } : {}),
    ...(keys.signingKey ? { signingKey: keys.signingKey } : {}),
    ...(keys.signingKeyFallback ? { signingKeyFallback: keys.signingKeyFallback } : {}),
    ...(keys.isDev !== undefined ? { isDev: keys.isDev } : {}),
    ...(keys.baseUrl ? { baseUrl: keys.baseUrl } : {}),
  });
}

export type { Inngest };

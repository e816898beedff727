// The request context every handler sees: request id, actor and the services the entry built.
import type { Db } from "@meshplane/db/types";
import type { Inngest, WorkflowSender } from "@meshplane/workflows";
import type { Actor } from "./actor";
import type { AuthConfig } from "./auth/config";
import type { PerformanceRunner } from "./performance/runner";

export type Runtime = "node" | "workerd";
export type Mode = "one-machine" | "distributed";

/** What an entry provides per request: Node shares one set, Workers build one per request. */
export type Services = {
  db: Db;
  workflows: WorkflowSender;
  inngest: Inngest;
  /** Runs load tests where this entry can (the one-machine mode); absent on Workers. */
  performance?: PerformanceRunner;
  /** Objects one cluster connection's inventory may hold; `INVENTORY_MAX_OBJECTS` when unset. */
  inventoryMaxObjects?: number;
  /** Called once the response is sent (on Workers through `waitUntil`), e.g. to end a pool. */
  release?: () => Promise<void>;
};

/** A connection's inventory holds at most this many objects unless the entry says otherwise. */
export const INVENTORY_MAX_OBJECTS = 250_000;

export type AppInfo = { version: string; runtime: Runtime; mode: Mode };

export type AppEnv = {
  Variables: {
    requestId: string;
    /** Resolved on first use by `actorOf`, so routes that never ask (health, Inngest) never touch tokens. */
    actorPromise: Promise<Actor>;
    auth: AuthConfig;
    db: Db;
    workflows: WorkflowSender;
    inngest: Inngest;
    info: AppInfo;
    performance: PerformanceRunner | undefined;
    inventoryMaxObjects: number;
  };
};

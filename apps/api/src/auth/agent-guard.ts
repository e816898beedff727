// The guard every agent-channel route uses: only an agent credential gets through.
import type { Context } from "hono";
import { actorOf } from "../actor";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import type { AgentActor } from "./agent-credential";

/** The calling agent; users and API tokens are refused, so the channel only ever speaks to agents. */
export async function requireAgent(c: Context<AppEnv>): Promise<AgentActor> {
  const actor = await actorOf(c);
  if (actor.type === "agent") return actor;
  throw new ApiError({
    code: "UNAUTHORIZED",
    message: "Send the agent credential as `Authorization: Bearer mpa_...`",
  });
}

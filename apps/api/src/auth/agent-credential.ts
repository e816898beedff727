// Agent credentials (`mpa_...`): which agent holds one, and whether it is still good, as the agent actor.

import { getAgentByCredential } from "@meshplane/db/queries";
import type { Db } from "@meshplane/db/types";
import type { Actor } from "../actor";
import { ApiError } from "../errors";

export type AgentActor = Extract<Actor, { type: "agent" }>;

const refused = (message: string) => new ApiError({ code: "UNAUTHORIZED", message });

export async function resolveAgentCredential(db: Db, credential: string): Promise<AgentActor> {
  const match = await getAgentByCredential(db, { credential });
  if (!match) throw refused("The agent credential is not valid");
  const { agent, slot } = match;
  if (agent.revokedAt) throw refused("The agent credential has been revoked; install the agent again");
  const now = Date.now();
  if (slot === "current" && agent.credentialExpiresAt.getTime() <= now) {
    throw refused("The agent credential has expired; install the agent again");
  }
  // A rotated credential answers only during its grace period, then it is as good as unknown.
  if (slot === "previous" && (agent.previousCredentialExpiresAt?.getTime() ?? 0) <= now) {
    throw refused("The agent credential was rotated; use the new one");
  }
  return { type: "agent", agentId: agent.id, organizationId: agent.organizationId };
}

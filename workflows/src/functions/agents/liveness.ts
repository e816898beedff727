// Marks clusters disconnected when their agent stops calling in; the agent's next heartbeat reconnects them.
import { markSilentAgentsDisconnected, recordEvent, withTransaction } from "@meshplane/db/queries";
import { defineWorkflow } from "../../define";

/** The agents' heartbeat interval (the API tells them 30 s); three missed beats make a cluster disconnected. */
export const AGENT_HEARTBEAT_INTERVAL_MS = 30_000;
export const AGENT_SILENT_AFTER_MS = 3 * AGENT_HEARTBEAT_INTERVAL_MS;

/** `now` is the clock, replaceable in tests. */
export const checkAgentLivenessWith = (options: { silentAfterMs: number; now?: () => number }) =>
  defineWorkflow({
    id: "check-agent-liveness",
    event: "agents/liveness.scheduled",
    cron: "* * * * *",
    retries: 2,
    handler: async ({ step, db }) =>
      step.run("mark silent clusters disconnected", () =>
        // One transaction: a retry after a failure finds the same silent clusters, not half of them already moved.
        withTransaction(db, async (tx) => {
          const olderThan = new Date((options.now ?? Date.now)() - options.silentAfterMs);
          const dropped = await markSilentAgentsDisconnected(tx, { olderThan });
          for (const { organizationId, connectionId } of dropped) {
            await recordEvent(tx, {
              organizationId,
              actorType: "system",
              action: "connection.disconnected",
              severity: "warning",
              resourceType: "connection",
              resourceId: connectionId,
              description: `The cluster's agent has not sent a heartbeat since ${olderThan.toISOString()}; the connection is disconnected until it calls in again`,
            });
          }
          return { disconnected: dropped.map((row) => row.connectionId) };
        }),
      ),
  });

export const checkAgentLiveness = checkAgentLivenessWith({ silentAfterMs: AGENT_SILENT_AFTER_MS });

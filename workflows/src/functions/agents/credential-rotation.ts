// Watches agent credentials: flags a rotation the agent has not done in time and erases rotated-out ones.
import {
  clearResolvedCredentialNotes,
  expireRotatedAgentCredentials,
  listAgentCredentialsDue,
  recordEvent,
  setConnectionCredentialNote,
  withTransaction,
} from "@meshplane/db/queries";
import { defineWorkflow } from "../../define";
import { isUniqueViolation, uuidFromKey } from "../../idempotency";

const DAY_MS = 86_400_000;
/**
 * The agent rotates with 7.5 days of its 30 left (apps/agent credential-lifecycle); with 5 days left and
 * no rotation, something is wrong (agent down, clock skew, a refused rotation) and a person should know.
 */
export const FLAG_CREDENTIAL_BEFORE_EXPIRY_MS = 5 * DAY_MS;

/** `now` is the clock, replaceable in tests. */
export const watchAgentCredentialsWith = (options: { flagBeforeExpiryMs: number; now?: () => number }) =>
  defineWorkflow({
    id: "watch-agent-credentials",
    event: "agents/credentials.scheduled",
    // Often enough that a rotated-out credential does not outlive its 10-minute grace by much.
    cron: "*/5 * * * *",
    retries: 2,
    handler: async ({ step, db }) => {
      const clock = options.now ?? Date.now;
      const erased = await step.run("erase rotated-out credentials", () =>
        withTransaction(db, async (tx) => {
          const rows = await expireRotatedAgentCredentials(tx, { now: new Date(clock()) });
          for (const row of rows) {
            await recordEvent(tx, {
              organizationId: row.organizationId,
              actorType: "system",
              action: "agent.credential.previous_expired",
              resourceType: "agent",
              resourceId: row.agentId,
              description:
                "The agent's previous credential reached the end of its rotation grace and was erased",
            });
          }
          return rows.length;
        }),
      );
      const cleared = await step.run("clear resolved warnings", async () => {
        const before = new Date(clock() + options.flagBeforeExpiryMs);
        return (await clearResolvedCredentialNotes(db, { before })).length;
      });
      const flagged = await step.run("flag overdue rotations", async () => {
        const now = clock();
        const due = await listAgentCredentialsDue(db, { before: new Date(now + options.flagBeforeExpiryMs) });
        let count = 0;
        for (const agent of due) {
          const expiresAt = agent.credentialExpiresAt.toISOString();
          if (agent.flaggedExpiresAt === expiresAt) continue;
          const expired = agent.credentialExpiresAt.getTime() <= now;
          const message = expired
            ? `The agent's credential expired at ${expiresAt} without being rotated; install the agent again with a new bootstrap token`
            : `The agent has not rotated its credential, which expires at ${expiresAt}; check that the agent is running and can reach Meshplane`;
          await withTransaction(db, async (tx) => {
            await setConnectionCredentialNote(tx, {
              organizationId: agent.organizationId,
              connectionId: agent.connectionId,
              note: { expiresAt, flaggedAt: new Date(now).toISOString(), message },
            });
            await recordEvent(tx, {
              // One event per credential, whatever retries or overlapping runs do.
              id: await uuidFromKey(`agent-credential-overdue:${agent.agentId}:${expiresAt}`),
              organizationId: agent.organizationId,
              actorType: "system",
              action: expired ? "agent.credential.expired" : "agent.credential.rotation_overdue",
              severity: expired ? "error" : "warning",
              resourceType: "agent",
              resourceId: agent.agentId,
              description: message,
              metadata: { connectionId: agent.connectionId, expiresAt },
            });
          }).catch((error: unknown) => {
            if (!isUniqueViolation(error)) throw error;
          });
          count++;
        }
        return count;
      });
      return { erased, cleared, flagged };
    },
  });

export const watchAgentCredentials = watchAgentCredentialsWith({
  flagBeforeExpiryMs: FLAG_CREDENTIAL_BEFORE_EXPIRY_MS,
});

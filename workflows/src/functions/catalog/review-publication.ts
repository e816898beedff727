// Follows a catalog publication request: waits for the curators' decision, reminds them when it lingers, records the outcome.
import { recordEvent } from "@meshplane/db/queries";
import { defineWorkflow } from "../../define";

const DAY_MS = 86_400_000;
/** How long curators have before each reminder; after the last one the request is reported stale. */
export const REVIEW_REMINDER_AFTER_MS = [2 * DAY_MS, 5 * DAY_MS] as const;

/** The workflow with its reminder schedule; tests pass milliseconds where production waits days. */
export const reviewPublicationWith = (reminders: readonly number[]) =>
  defineWorkflow({
    id: "review-catalog-publication",
    event: "catalog/publication.requested",
    retries: 3,
    handler: async ({ event, step, db }) => {
      const { requestId, organizationId, designName } = event.data;
      for (const [round, timeout] of reminders.entries()) {
        const decided = await step.waitForEvent(`decision ${round + 1}`, {
          event: "catalog/publication.decided",
          timeout,
          match: "data.requestId",
        });
        if (decided) {
          await step.run("record the decision", () =>
            recordEvent(db, {
              organizationId,
              actorType: "system",
              action: `catalog.publication_${decided.data.decision}`,
              resourceType: "publication_request",
              resourceId: requestId,
              description: `"${designName}" was ${decided.data.decision}${decided.data.reason ? `: ${decided.data.reason}` : ""}`,
            }).then((row) => row.id),
          );
          return { decision: decided.data.decision };
        }
        await step.run(`remind the curators ${round + 1}`, () =>
          recordEvent(db, {
            organizationId: null,
            actorType: "system",
            action: "catalog.review_reminder",
            severity: "warning",
            resourceType: "publication_request",
            resourceId: requestId,
            description: `"${designName}" is still waiting for a curator (reminder ${round + 1})`,
          }).then((row) => row.id),
        );
      }
      return { decision: "undecided" as const };
    },
  });

export const reviewPublication = reviewPublicationWith(REVIEW_REMINDER_AFTER_MS);

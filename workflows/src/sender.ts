// How a deployable hands events to the workflows: Inngest's `send`, or the in-process runner.
import type { Inngest } from "inngest";
import { parseEvent, type WorkflowEvent } from "./events";

export type WorkflowSender = {
  send(events: WorkflowEvent | WorkflowEvent[]): Promise<{ ids: string[] }>;
};

export function inngestSender(client: Inngest): WorkflowSender {
  return {
    send: async (events) => {
      const list = (Array.isArray(events) ? events : [events]).map(parseEvent);
      const { ids } = await client.send(list);
      return { ids };
    },
  };
}

// The organisation's audit log: a page of events from GET /api/events, newest first, and how the page names them.
import { z } from "zod";
import { callApi } from "./api-client";

const auditEventSchema = z.looseObject({
  id: z.string(),
  actorType: z.string(),
  actorId: z.string().nullish(),
  action: z.string(),
  resourceType: z.string().nullish(),
  resourceId: z.string().nullish(),
  severity: z.string(),
  description: z.string(),
  createdAt: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

const eventPageSchema = z.looseObject({
  events: z.array(auditEventSchema),
  nextBefore: z.string().nullish(),
});
export type AuditPage = { events: AuditEvent[]; nextBefore: string | null };

export const auditPageSize = 25;

export async function listAuditEvents(token: string, orgId: string, before?: string): Promise<AuditPage> {
  const page = await callApi(token, "/api/events", eventPageSchema, {
    query: { orgId, limit: String(auditPageSize), ...(before ? { before } : {}) },
  });
  return { events: page.events, nextBefore: page.nextBefore ?? null };
}

/** `before` from the query string, kept only when it is an instant the API will accept. */
export function auditCursor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function auditPagePath(before: string | null | undefined): string {
  return before ? `/settings/audit?${new URLSearchParams({ before })}` : "/settings/audit";
}

/** "membership.roles_changed" → "Membership · roles changed": the action's area, then what happened. */
export function actionLabel(action: string): string {
  const [area = action, ...rest] = action.split(".");
  const what = rest.join(" ").replaceAll("_", " ");
  const title = `${area[0]?.toUpperCase() ?? ""}${area.slice(1).replaceAll("_", " ")}`;
  return what ? `${title} · ${what}` : title;
}

/** Who acted, by email when the actor is a known member, else by kind ("api token", "system"). */
export function actorLabel(
  event: Pick<AuditEvent, "actorType" | "actorId">,
  emails: Map<string, string>,
): string {
  const email = event.actorId ? emails.get(event.actorId) : undefined;
  if (email) return email;
  if (event.actorType === "user" && event.actorId) return "a former member";
  return event.actorType.replaceAll("_", " ");
}

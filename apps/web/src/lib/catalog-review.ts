// Publishing to the catalog as the web calls it: the author's requests and entry, and the curators' review queue.
import { z } from "zod";
import { callApi } from "./api-client";

export const catalogFieldNames = ["type", "technology", "caveats", "info"] as const;
export type CatalogFieldName = (typeof catalogFieldNames)[number];
export type CatalogFields = Record<CatalogFieldName, string>;
export type CatalogFieldErrors = Partial<Record<CatalogFieldName | "form", string>>;

const publicationRequestSchema = z.looseObject({
  id: z.string(),
  designId: z.string(),
  organizationId: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  type: z.string(),
  technology: z.string(),
  caveats: z.string(),
  info: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type PublicationRequest = z.infer<typeof publicationRequestSchema>;

const catalogEntrySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  publishedVersion: z.string(),
  type: z.string(),
  technology: z.string(),
  caveats: z.string(),
  info: z.string(),
  publishedAt: z.string(),
});
export type PublishedEntry = z.infer<typeof catalogEntrySchema>;

const publicationSchema = z.looseObject({
  requests: z.array(publicationRequestSchema),
  entry: catalogEntrySchema.nullable().default(null),
});
export type Publication = z.infer<typeof publicationSchema>;

const reviewedRequestSchema = publicationRequestSchema.extend({
  designName: z.string(),
  revisionNumber: z.number(),
  design: z.record(z.string(), z.unknown()),
});
export type ReviewedRequest = z.infer<typeof reviewedRequestSchema>;

const requestsPath = (designId: string) =>
  `/api/designs/${encodeURIComponent(designId)}/publication-requests`;
const entryPath = (entryId: string) => `/api/catalog/designs/${encodeURIComponent(entryId)}`;
const reviewPath = (requestId: string, action = "") =>
  `/api/catalog/requests/${encodeURIComponent(requestId)}${action}`;

/** The design's requests, newest first, and its entry while it is published. */
export function publicationOf(token: string, orgId: string, designId: string): Promise<Publication> {
  return callApi(token, requestsPath(designId), publicationSchema, { query: { orgId } });
}

export function requestPublication(
  token: string,
  orgId: string,
  designId: string,
  fields: CatalogFields,
): Promise<PublicationRequest> {
  return callApi(token, requestsPath(designId), publicationRequestSchema, {
    method: "POST",
    query: { orgId },
    body: fields,
  });
}

export function editCatalogEntry(
  token: string,
  orgId: string,
  entryId: string,
  fields: CatalogFields,
): Promise<PublishedEntry> {
  return callApi(token, entryPath(entryId), catalogEntrySchema, {
    method: "PUT",
    query: { orgId },
    body: fields,
  });
}

export async function unpublishCatalogEntry(token: string, orgId: string, entryId: string): Promise<void> {
  await callApi(token, entryPath(entryId), z.unknown(), { method: "DELETE", query: { orgId } });
}

export async function reviewQueue(token: string): Promise<PublicationRequest[]> {
  const body = await callApi(
    token,
    "/api/catalog/requests",
    z.looseObject({ requests: z.array(publicationRequestSchema) }),
    { query: { status: "pending" } },
  );
  return body.requests;
}

export function reviewedRequest(token: string, requestId: string): Promise<ReviewedRequest> {
  return callApi(token, reviewPath(requestId), reviewedRequestSchema);
}

export async function approveRequest(token: string, requestId: string): Promise<void> {
  await callApi(token, reviewPath(requestId, "/approve"), z.unknown(), { method: "POST" });
}

export async function denyRequest(token: string, requestId: string, reason: string): Promise<void> {
  await callApi(token, reviewPath(requestId, "/deny"), z.unknown(), { method: "POST", body: { reason } });
}

/** A hint for the navigation only: the API decides on every review call. */
export function mayReviewCatalog(profile: Record<string, unknown>): boolean {
  const roles: unknown[] = Array.isArray(profile.roleNames) ? profile.roleNames : [];
  return roles.includes("curator") || roles.includes("provider_admin");
}

/** The form's four fields as text; anything missing is empty, so the API's defaults and checks apply. */
export function catalogFieldsOf(formData: FormData): CatalogFields {
  const text = (name: CatalogFieldName) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { type: text("type"), technology: text("technology"), caveats: text("caveats"), info: text("info") };
}

/**
 * The API refuses a body with zod's issues on one line ("✖ message; → at field; ✖ …"): each issue goes
 * to the field it names, anything else (a conflict, an unknown key) to the whole form.
 */
export function catalogFieldErrorsOf(message: string): CatalogFieldErrors {
  const issues = message
    .split("✖")
    .map((part) => part.trim())
    .filter(Boolean);
  if (!message.includes("✖") || issues.length === 0) return { form: message };
  const errors: CatalogFieldErrors = {};
  for (const issue of issues) {
    const [text = "", where = ""] = issue.split(/;?\s*→ at /);
    const root = where.replace(/;\s*$/, "").trim().split(/[.[]/)[0] ?? "";
    const field = (catalogFieldNames as readonly string[]).includes(root)
      ? (root as CatalogFieldName)
      : "form";
    const detail = text.replace(/;\s*$/, "").trim();
    errors[field] = errors[field] ? `${errors[field]}; ${detail}` : detail;
  }
  return errors;
}

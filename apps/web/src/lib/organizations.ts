// The organisation the admin pages act on: creating one, telling personal ones apart, and what an admin action reports back.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError, callApi } from "./api-client";
import { listPermissionKeys, type Organization, type Profile } from "./identity";
import { selectedOrganization } from "./selected-org";
import { currentOrganizations, currentProfile, requireApiToken } from "./signed-in";

/** A personal organisation belongs to one user alone; the API refuses to invite anyone into it. */
export function isPersonalOrganization(organization: Organization): boolean {
  return organization.personal === true;
}

export const newOrganizationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the organization a name")
    .max(120, "Keep the organization's name to 120 characters"),
});

const createdOrganizationSchema = z.looseObject({ id: z.string(), name: z.string() });

export function createOrganization(token: string, name: string): Promise<Organization> {
  return callApi(token, "/api/identity/orgs", createdOrganizationSchema, { method: "POST", body: { name } });
}

/** What an admin action tells its page after redirecting back: what it did, or why the API refused. */
export type ActionOutcome = { notice: string } | { error: string };

/** The page's path with the outcome in its query (replacing an earlier one), where the page shows it once. */
export function outcomePath(pagePath: string, outcome: ActionOutcome): string {
  const url = new URL(pagePath, "http://page.invalid");
  url.searchParams.delete("error");
  url.searchParams.delete("notice");
  if ("error" in outcome) url.searchParams.set("error", outcome.error);
  else url.searchParams.set("notice", outcome.notice);
  return `${url.pathname}${url.search}`;
}

/**
 * The API's refusal as a sentence for the page: its messages start lower case ("a personal organization
 * cannot be shared"), and a 403 says which permission was missing, which is worth keeping.
 */
export function refusalMessage(error: ApiError): string {
  const message = error.message.trim();
  const sentence = message ? `${message[0]?.toUpperCase()}${message.slice(1)}` : "";
  if (error.status === 403) return `Not allowed: ${sentence || "your role does not permit this"}`;
  if (error.status === 409) return `Refused: ${sentence || "this conflicts with the organization's state"}`;
  return sentence || `The API answered ${error.status}`;
}

/** A form the action could not use; its message names the field to fix. */
export class FormError extends Error {
  override name = "FormError";
}

/** Parses a form's fields with a schema, or throws a FormError with the first problem found. */
export function parseForm<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new FormError(parsed.error.issues[0]?.message ?? "Check the form");
  return parsed.data;
}

/** Runs an action's work; a refused API call or a bad form becomes the page's error, anything else propagates. */
export async function attemptApiCall(call: () => Promise<string>): Promise<ActionOutcome> {
  try {
    return { notice: await call() };
  } catch (error) {
    if (error instanceof ApiError) return { error: refusalMessage(error) };
    if (error instanceof FormError) return { error: error.message };
    throw error;
  }
}

/** Reads what a page shows, or the reason it may not: the section then explains instead of failing the page. */
export type Readable<T> = { ok: true; value: T } | { ok: false; message: string };

export async function readSection<T>(
  allowed: boolean,
  read: () => Promise<T>,
  missing: string,
): Promise<Readable<T>> {
  if (!allowed) return { ok: false, message: missing };
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: refusalMessage(error) };
    throw error;
  }
}

/** Everything an admin page starts from: who is signed in, where they work, and what their roles allow there. */
export type OrgPage = {
  token: string;
  profile: Profile;
  organizations: Organization[];
  organization: Organization | undefined;
  keys: ReadonlySet<string>;
};

export async function loadOrgPage(pagePath: string): Promise<OrgPage> {
  const token = await requireApiToken(pagePath);
  const [profile, organizations] = await Promise.all([currentProfile(token), currentOrganizations(token)]);
  const organization = await selectedOrganization(organizations);
  const keys = organization ? await listPermissionKeys(token, organization.id) : [];
  return { token, profile, organizations, organization, keys: new Set(keys) };
}

/**
 * The body of every admin form action: in the selected organisation, call the API, then come back to
 * the page with what happened. Hidden buttons are a courtesy; the API's own check is the one that counts.
 */
export async function runOrgAction(
  pagePath: string,
  call: (token: string, organizationId: string) => Promise<string>,
): Promise<never> {
  const token = await requireApiToken(pagePath);
  const organization = await selectedOrganization(await currentOrganizations(token));
  const outcome = organization
    ? await attemptApiCall(() => call(token, organization.id))
    : { error: "You belong to no organization yet." };
  revalidatePath(pagePath);
  redirect(outcomePath(pagePath, outcome));
}

// The live view's poll: a result's progress as JSON, fetched with the session's token on the server.
import { getResult, isNotFound } from "../../../../../lib/performance";
import { liveSnapshot } from "../../../../../lib/performance-live";
import { selectedOrganization } from "../../../../../lib/selected-org";
import { currentOrganizations, sessionApiToken } from "../../../../../lib/signed-in";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = await sessionApiToken();
  if (!token) return json({ error: "Your session has ended: sign in again." }, 401);
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization) return json({ error: "You belong to no organization." }, 404);
  try {
    return json(liveSnapshot(await getResult(token, organization.id, id)));
  } catch (error) {
    if (isNotFound(error)) return json({ error: "No such result." }, 404);
    throw error;
  }
}

// Downloads a design's export through the web: the API wants the user's token, which only the server holds.
import type { NextRequest } from "next/server";
import { signInPath } from "../../../../lib/return-path";
import { selectedOrganization } from "../../../../lib/selected-org";
import { currentOrganizations, sessionApiToken } from "../../../../lib/signed-in";
import { serverContext } from "../../../../server-context";

export const dynamic = "force-dynamic";

const formats = new Set(["design", "manifests"]);

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const format = request.nextUrl.searchParams.get("format") ?? "design";
  if (!formats.has(format)) return new Response("format is design or manifests\n", { status: 400 });
  const token = await sessionApiToken();
  const here = `/designs/${encodeURIComponent(id)}/export?format=${format}`;
  if (!token) return Response.redirect(new URL(signInPath(here), request.nextUrl), 303);
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization) return new Response("You belong to no organization\n", { status: 404 });
  const url = new URL(`${serverContext().env.apiUrl}/api/designs/${encodeURIComponent(id)}/export`);
  url.searchParams.set("orgId", organization.id);
  url.searchParams.set("format", format);
  const answer = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  if (!answer.ok) {
    // The API's envelope carries a message fit for the user; a download link shows it as plain text.
    const message = await answer
      .json()
      .then((body: { error?: { message?: string } }) => body.error?.message)
      .catch(() => undefined);
    return new Response(`${message ?? `The API answered ${answer.status}`}\n`, {
      status: answer.status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const headers = new Headers({ "cache-control": "no-store" });
  for (const name of ["content-type", "content-disposition"]) {
    const value = answer.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(answer.body, { status: 200, headers });
}

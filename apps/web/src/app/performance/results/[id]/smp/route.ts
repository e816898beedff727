// Downloads a result in the Service Mesh Performance format through the web: the API wants the user's token.
import type { NextRequest } from "next/server";
import { signInPath } from "../../../../../lib/return-path";
import { selectedOrganization } from "../../../../../lib/selected-org";
import { currentOrganizations, sessionApiToken } from "../../../../../lib/signed-in";
import { serverContext } from "../../../../../server-context";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const here = `/performance/results/${encodeURIComponent(id)}/smp`;
  const token = await sessionApiToken();
  if (!token) return Response.redirect(new URL(signInPath(here), request.nextUrl), 303);
  const organization = await selectedOrganization(await currentOrganizations(token));
  if (!organization) return new Response("You belong to no organization\n", { status: 404 });
  const url = new URL(`${serverContext().env.apiUrl}/api/performance/results/${encodeURIComponent(id)}/smp`);
  url.searchParams.set("orgId", organization.id);
  const answer = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  const text = await answer.text();
  if (!answer.ok) {
    const message = safeMessage(text);
    return new Response(`${message ?? `The API answered ${answer.status}`}\n`, {
      status: answer.status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(text, {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="result-${id.replace(/[^\w-]/g, "")}.smp.json"`,
      "cache-control": "no-store",
    },
  });
}

function safeMessage(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { error?: { message?: string } }).error?.message;
  } catch {
    return undefined;
  }
}

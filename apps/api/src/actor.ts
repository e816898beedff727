// Who is calling: every request resolves to one typed actor before any handler runs.

/** Ready for what authentication will add; today every request is anonymous. */
export type Actor =
  | { type: "anonymous" }
  | { type: "user"; userId: string; organizationId: string }
  | { type: "apiToken"; tokenId: string; userId: string; organizationId: string; scopes: string[] }
  | { type: "agent"; agentId: string; organizationId: string }
  | { type: "meshery"; userId: string; tokenId: string };

export function resolveActor(_request: Request): Actor {
  return { type: "anonymous" };
}

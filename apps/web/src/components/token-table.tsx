// The user's API tokens in the selected organisation: what each may do, its state, and revocation.
import { revokeTokenAction } from "../app/settings/tokens/actions";
import type { ApiToken } from "../lib/identity";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function dateOf(value: string | null | undefined): string {
  return value ? day.format(new Date(value)) : "—";
}

function stateOf(token: ApiToken, now: number): "Revoked" | "Expired" | "Active" {
  if (token.revokedAt) return "Revoked";
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return "Expired";
  return "Active";
}

export function TokenTable({ tokens, now }: { tokens: ApiToken[]; now: number }) {
  if (tokens.length === 0) return <p className="muted">No tokens yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Prefix</th>
          <th>Scopes</th>
          <th>Created</th>
          <th>Expires</th>
          <th>Last used</th>
          <th>State</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const state = stateOf(token, now);
          return (
            <tr key={token.id} data-testid="token-row">
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>
                {token.scopes.length > 0 ? token.scopes.join(", ") : <span className="muted">all</span>}
              </td>
              <td>{dateOf(token.createdAt)}</td>
              <td>{token.expiresAt ? dateOf(token.expiresAt) : "never"}</td>
              <td>{dateOf(token.lastUsedAt)}</td>
              <td>{state}</td>
              <td>
                {state === "Active" && (
                  <form action={revokeTokenAction} className="inline-form">
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button
                      type="submit"
                      className="button button-danger"
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </button>
                  </form>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

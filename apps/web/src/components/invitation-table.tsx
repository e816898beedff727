// The organisation's invitations: whom each addresses, with which role, its state, and revocation while pending.
import { revokeInvitationAction } from "../app/settings/members/invitation-actions";
import { type Invitation, inviteeLabel } from "../lib/invitations";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function InvitationTable({
  invitations,
  roleNames,
}: {
  invitations: Invitation[];
  roleNames: Map<string, string>;
}) {
  if (invitations.length === 0) return <p className="muted">No invitations yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Invited</th>
          <th>Role</th>
          <th>Status</th>
          <th>Created</th>
          <th>Expires</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => {
          const label = inviteeLabel(invitation);
          return (
            <tr key={invitation.id} data-testid="invitation-row">
              <td>{label}</td>
              <td>{invitation.roles.map((key) => roleNames.get(key) ?? key).join(", ")}</td>
              <td>
                <span className="tag">{invitation.status}</span>
              </td>
              <td>{day.format(new Date(invitation.createdAt))}</td>
              <td>{day.format(new Date(invitation.expiresAt))}</td>
              <td style={{ textAlign: "right" }}>
                {invitation.status === "pending" && (
                  <form action={revokeInvitationAction} className="inline-form">
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <button type="submit" className="button button-danger" aria-label={`Revoke ${label}`}>
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

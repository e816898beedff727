"use client";
// The invite form: one email or a whole domain, a role, a team and an expiry; the link is shown once.
import { useActionState, useState } from "react";
import { createInvitationAction, type InvitationFormState } from "../app/settings/members/invitation-actions";

export type InvitationChoice = { value: string; label: string };

const expiries: InvitationChoice[] = [
  { value: "7", label: "7 days" },
  { value: "1", label: "1 day" },
  { value: "14", label: "14 days" },
  { value: "30", label: "30 days" },
];

export function InvitationForm({ roles, teams }: { roles: InvitationChoice[]; teams: InvitationChoice[] }) {
  const [state, formAction, pending] = useActionState<InvitationFormState, FormData>(createInvitationAction, {
    status: "idle",
  });
  return (
    <div className="stack">
      {state.status === "created" && <InvitationLinkNotice invitee={state.invitee} link={state.link} />}
      {state.status === "error" && (
        <p className="alert" role="alert">
          {state.message}
        </p>
      )}
      <form action={formAction} className="row" aria-label="Invite people">
        <label className="field">
          Email or domain
          <input name="invitee" required maxLength={254} placeholder="ada@example.com or example.com" />
        </label>
        <label className="field">
          Role
          <select name="role" defaultValue="user">
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        </label>
        {teams.length > 0 && (
          <label className="field">
            Team <small>optional</small>
            <select name="teamId" defaultValue="">
              <option value="">No team</option>
              {teams.map((team) => (
                <option key={team.value} value={team.value}>
                  {team.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          Expires after
          <select name="expiresInDays" defaultValue="7">
            {expiries.map((expiry) => (
              <option key={expiry.value} value={expiry.value}>
                {expiry.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </button>
      </form>
    </div>
  );
}

function InvitationLinkNotice({ invitee, link }: { invitee: string; link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert alert-ok" role="status">
      <strong>Invitation for {invitee} created.</strong> Send them this link now: it will not be shown again.
      <div className="secret">
        <code data-testid="invitation-link">{link}</code>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            void navigator.clipboard.writeText(link).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

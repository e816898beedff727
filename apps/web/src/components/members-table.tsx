// The organisation's members with their roles: changing roles from the role list, and removal after a confirmation.
import { changeRolesAction, removeMemberAction } from "../app/settings/members/actions";
import { type Member, memberLabel } from "../lib/members";
import type { Role } from "../lib/roles";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function MembersTable(props: {
  members: Member[];
  roles: Role[];
  selfId: string;
  ownerId: string | undefined;
  mayManage: boolean;
}) {
  const names = new Map(props.roles.map((role) => [role.key, role.roleName]));
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Member</th>
          <th>Roles</th>
          <th>Joined</th>
          {props.mayManage && <th />}
        </tr>
      </thead>
      <tbody>
        {props.members.map((member) => (
          <tr key={member.userId} data-testid="member-row">
            <td>
              {memberLabel(member)}
              {member.userId === props.selfId && <span className="muted"> (you)</span>}
              {member.userId === props.ownerId && (
                <>
                  {" "}
                  <span className="tag">owner</span>
                </>
              )}
            </td>
            <td data-testid="member-roles">
              {member.roleNames.map((key) => (
                <span key={key} className="tag" title={key} style={{ marginRight: 4 }}>
                  {names.get(key) ?? key}
                </span>
              ))}
            </td>
            <td>{day.format(new Date(member.joinedAt))}</td>
            {props.mayManage && (
              <td style={{ textAlign: "right" }}>
                <MemberActions
                  member={member}
                  roles={props.roles}
                  removable={member.userId !== props.ownerId && member.userId !== props.selfId}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MemberActions({ member, roles, removable }: { member: Member; roles: Role[]; removable: boolean }) {
  const assignable = roles.filter((role) => role.key !== "anonymous");
  return (
    <div className="row" style={{ justifyContent: "end", alignItems: "start" }}>
      {/* Keyed by the roles held, so a saved change reopens closed with fresh ticks. */}
      <details key={member.roleNames.join(",")}>
        <summary className="button button-quiet">Change roles</summary>
        <form action={changeRolesAction} className="stack" style={{ marginTop: 10, textAlign: "left" }}>
          <input type="hidden" name="userId" value={member.userId} />
          <fieldset className="checks" aria-label={`Roles of ${member.email}`}>
            <legend>Roles of {member.email}</legend>
            {assignable.map((role) => (
              <label key={role.key} title={role.description}>
                <input
                  type="checkbox"
                  name="roleNames"
                  value={role.key}
                  defaultChecked={member.roleNames.includes(role.key)}
                />{" "}
                {role.roleName}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="button">
              Save roles
            </button>
          </div>
        </form>
      </details>
      {removable && (
        <details>
          <summary className="button button-danger">Remove…</summary>
          <form action={removeMemberAction} className="stack" style={{ marginTop: 10, textAlign: "left" }}>
            <input type="hidden" name="userId" value={member.userId} />
            <input type="hidden" name="email" value={member.email} />
            <p className="muted" style={{ margin: 0, maxWidth: "22em" }}>
              {member.email} loses access to this organization at once. Their designs stay.
            </p>
            <div>
              <button type="submit" className="button button-danger">
                Remove {member.email}
              </button>
            </div>
          </form>
        </details>
      )}
    </div>
  );
}

// Members and invitations of the selected organisation: roles, removal, invite links shown once, revocation.
import { type InvitationChoice, InvitationForm } from "../../../components/invitation-form";
import { InvitationTable } from "../../../components/invitation-table";
import { MembersTable } from "../../../components/members-table";
import { OrganizationSwitcher } from "../../../components/organization-switcher";
import { PageAlerts } from "../../../components/page-alerts";
import { SignedInHeader } from "../../../components/signed-in-header";
import { listInvitations } from "../../../lib/invitations";
import { listMembers, membersForDisplay } from "../../../lib/members";
import { isPersonalOrganization, loadOrgPage, readSection } from "../../../lib/organizations";
import { listRoles } from "../../../lib/roles";
import { firstParam } from "../../../lib/signed-in";
import { listTeams } from "../../../lib/teams";

export const dynamic = "force-dynamic";

const pagePath = "/settings/members";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MembersPage({ searchParams }: Props) {
  const params = await searchParams;
  const { token, profile, organizations, organization, keys } = await loadOrgPage(pagePath);
  if (!organization) {
    return (
      <main className="page">
        <SignedInHeader email={profile.email} />
        <p className="muted">You belong to no organization yet.</p>
      </main>
    );
  }
  const orgId = organization.id;
  const personal = isPersonalOrganization(organization);
  const [members, roles, invitations, teams] = await Promise.all([
    readSection(
      keys.has("members:read"),
      () => listMembers(token, orgId),
      "Your role does not show members.",
    ),
    readSection(keys.has("roles:read"), () => listRoles(token, orgId), "Your role does not show roles."),
    readSection(
      keys.has("members:invite") && !personal,
      () => listInvitations(token, orgId),
      "Your role does not include inviting people.",
    ),
    readSection(keys.has("teams:read"), () => listTeams(token, orgId), ""),
  ]);
  const roleList = roles.ok ? roles.value.roles : [];
  const roleNames = new Map(roleList.map((role) => [role.key, role.roleName]));
  const roleChoices: InvitationChoice[] = roleList
    .filter((role) => role.key !== "anonymous")
    .map((role) => ({ value: role.key, label: role.roleName }));
  const teamChoices: InvitationChoice[] = teams.ok
    ? teams.value.map((team) => ({ value: team.id, label: team.name }))
    : [];
  const ownerId = typeof organization.owner === "string" ? organization.owner : undefined;
  const error = firstParam(params.error);
  const notice = firstParam(params.notice);
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Members</h1>
        <p>
          The people of {organization.name} and the roles that decide what they may do. Every change here is
          recorded in the <a href="/settings/audit">audit log</a>.
        </p>
      </header>
      <PageAlerts error={error} notice={notice} />
      <section className="panel" aria-labelledby="members-title">
        <header className="panel-head">
          <h2 id="members-title">Members of {organization.name}</h2>
          <OrganizationSwitcher organizations={organizations} selectedId={orgId} returnTo={pagePath} />
        </header>
        {members.ok ? (
          <MembersTable
            members={membersForDisplay(members.value, profile.id)}
            roles={roleList}
            selfId={profile.id}
            ownerId={ownerId}
            mayManage={keys.has("members:manage") && roles.ok}
          />
        ) : (
          <p className="muted">{members.message}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="invite-title">
        <header className="panel-head">
          <h2 id="invite-title">Invite people</h2>
        </header>
        {personal ? (
          <div className="notice" data-testid="personal-org-notice">
            <p>
              <strong>{organization.name} is your personal organization, and it cannot be shared.</strong>
            </p>
            <p className="muted">
              Only you will ever be a member here. To work with others, create an organization with{" "}
              <em>New organization…</em> above: you become its Org Admin and can invite people into it.
            </p>
          </div>
        ) : keys.has("members:invite") ? (
          <>
            <p className="muted" style={{ marginTop: 0 }}>
              Invite one person by email, or everyone with an address at a domain (<code>example.com</code>).
              They follow the link, sign in with that address, and join with the role you pick.
            </p>
            <InvitationForm roles={roleChoices} teams={teamChoices} />
          </>
        ) : (
          <p className="muted">Your role does not include inviting people (members:invite).</p>
        )}
      </section>
      {!personal && (
        <section className="panel" aria-labelledby="invitations-title">
          <header className="panel-head">
            <h2 id="invitations-title">Invitations</h2>
          </header>
          {invitations.ok ? (
            <InvitationTable invitations={invitations.value} roleNames={roleNames} />
          ) : (
            <p className="muted">{invitations.message}</p>
          )}
        </section>
      )}
    </main>
  );
}

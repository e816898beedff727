// The selected organisation's teams: list, create, rename, delete.
import { OrganizationSwitcher } from "../../../components/organization-switcher";
import { PageAlerts } from "../../../components/page-alerts";
import { SignedInHeader } from "../../../components/signed-in-header";
import { TeamCreateForm, TeamTable } from "../../../components/team-table";
import { loadOrgPage, readSection } from "../../../lib/organizations";
import { firstParam } from "../../../lib/signed-in";
import { listTeams } from "../../../lib/teams";

export const dynamic = "force-dynamic";

const pagePath = "/settings/teams";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamsPage({ searchParams }: Props) {
  const params = await searchParams;
  const { token, profile, organizations, organization, keys } = await loadOrgPage(pagePath);
  const teams = organization
    ? await readSection(
        keys.has("teams:read"),
        () => listTeams(token, organization.id),
        "Your role does not show teams (teams:read).",
      )
    : undefined;
  const mayManage = keys.has("teams:manage");
  const error = firstParam(params.error);
  const notice = firstParam(params.notice);
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Teams</h1>
        <p>
          Groups of people in an organization. Workspaces are shared with teams, and invitations can name one.
        </p>
      </header>
      <PageAlerts error={error} notice={notice} />
      {organization && teams ? (
        <>
          <section className="panel" aria-labelledby="teams-title">
            <header className="panel-head">
              <h2 id="teams-title">Teams of {organization.name}</h2>
              <OrganizationSwitcher
                organizations={organizations}
                selectedId={organization.id}
                returnTo={pagePath}
              />
            </header>
            {teams.ok ? (
              <TeamTable teams={teams.value} mayManage={mayManage} />
            ) : (
              <p className="muted">{teams.message}</p>
            )}
          </section>
          <section className="panel" aria-labelledby="new-team-title">
            <header className="panel-head">
              <h2 id="new-team-title">New team</h2>
            </header>
            {mayManage ? (
              <TeamCreateForm />
            ) : (
              <p className="muted">Your role does not include managing teams (teams:manage).</p>
            )}
          </section>
        </>
      ) : (
        <p className="muted">You belong to no organization yet.</p>
      )}
    </main>
  );
}

// The signed-in home: who you are, the organisation and workspace you work in, and its workspaces.
import { OrganizationSwitcher } from "../../components/organization-switcher";
import { SignedInHeader } from "../../components/signed-in-header";
import { WorkspaceSwitcher } from "../../components/workspace-switcher";
import { listPermissionKeys, type Profile } from "../../lib/identity";
import { selectedOrganization } from "../../lib/selected-org";
import { currentOrganizations, currentProfile, firstParam, requireApiToken } from "../../lib/signed-in";
import { listWorkspaces } from "../../lib/workspaces";
import { selectedWorkspace } from "./selected-workspace";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const token = await requireApiToken("/dashboard");
  const error = firstParam((await searchParams).error);
  const [profile, organizations] = await Promise.all([currentProfile(token), currentOrganizations(token)]);
  const organization = await selectedOrganization(organizations);
  const [workspaces, keys] = organization
    ? await Promise.all([listWorkspaces(token, organization.id), listPermissionKeys(token, organization.id)])
    : [undefined, []];
  const workspace = workspaces ? await selectedWorkspace(workspaces.workspaces) : undefined;
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <section className="panel" aria-labelledby="profile-title">
        <header className="panel-head">
          <h2 id="profile-title">Your profile</h2>
        </header>
        <div className="who">
          <span className="avatar" aria-hidden="true">
            {initialsOf(profile)}
          </span>
          <div>
            <div style={{ fontWeight: 650 }}>{displayNameOf(profile)}</div>
            <div className="muted" data-testid="profile-email">
              {profile.email}
            </div>
          </div>
        </div>
      </section>
      <section className="panel" aria-labelledby="org-title">
        <header className="panel-head">
          <h2 id="org-title">Organization</h2>
          {organization && <span className="tag">{organization.name}</span>}
        </header>
        {organization ? (
          <OrganizationSwitcher
            organizations={organizations}
            selectedId={organization.id}
            returnTo="/dashboard"
          />
        ) : (
          <p className="muted">You belong to no organization yet.</p>
        )}
      </section>
      {workspaces && (
        <section aria-labelledby="workspaces-title">
          <h2 id="workspaces-title" className="section-title">
            Workspaces <span className="muted">({workspaces.totalCount})</span>
          </h2>
          <div style={{ marginBottom: 16 }}>
            <WorkspaceSwitcher
              workspaces={workspaces.workspaces}
              selectedId={workspace?.id}
              mayCreate={keys.includes("workspaces:manage")}
            />
          </div>
          {workspaces.workspaces.length === 0 ? (
            <p className="muted">This organization has no workspaces yet.</p>
          ) : (
            <ul className="grid">
              {workspaces.workspaces.map((listed) => (
                <li key={listed.id} className="card" data-testid="workspace-card">
                  <div className="card-head">
                    <h3>{listed.name}</h3>
                    {listed.id === workspace?.id && <span className="tag">Selected</span>}
                  </div>
                  {listed.description && <p>{listed.description}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}

function displayNameOf(profile: Profile): string {
  const name = [profile.firstName, profile.lastName].filter(Boolean).join(" ");
  return name || profile.email;
}

function initialsOf(profile: Profile): string {
  const words = displayNameOf(profile)
    .split(/[\s@.]+/)
    .filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}

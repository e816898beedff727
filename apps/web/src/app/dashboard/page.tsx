// The signed-in home: who you are, the organisation you work in, and its workspaces.
import { OrganizationSwitcher } from "../../components/organization-switcher";
import { SignedInHeader } from "../../components/signed-in-header";
import type { Profile } from "../../lib/identity";
import { selectedOrganization } from "../../lib/selected-org";
import { currentOrganizations, currentProfile, requireApiToken } from "../../lib/signed-in";
import { listWorkspaces } from "../../lib/workspaces";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const token = await requireApiToken("/dashboard");
  const [profile, organizations] = await Promise.all([currentProfile(token), currentOrganizations(token)]);
  const organization = await selectedOrganization(organizations);
  const workspaces = organization ? await listWorkspaces(token, organization.id) : undefined;
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
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
          {workspaces.workspaces.length === 0 ? (
            <p className="muted">This organization has no workspaces yet.</p>
          ) : (
            <ul className="grid">
              {workspaces.workspaces.map((workspace) => (
                <li key={workspace.id} className="card">
                  <div className="card-head">
                    <h3>{workspace.name}</h3>
                  </div>
                  {workspace.description && <p>{workspace.description}</p>}
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

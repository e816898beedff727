// Environments of the selected organisation: groups of connections to deploy to; list, create, rename, delete.
import { EnvironmentCreateForm, EnvironmentList } from "../../components/environment-table";
import { OrganizationSwitcher } from "../../components/organization-switcher";
import { PageAlerts } from "../../components/page-alerts";
import { SignedInHeader } from "../../components/signed-in-header";
import { listConnections, listEnvironmentConnections, listEnvironments } from "../../lib/environments";
import { loadOrgPage, readSection } from "../../lib/organizations";
import { firstParam } from "../../lib/signed-in";

export const dynamic = "force-dynamic";

const pagePath = "/environments";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EnvironmentsPage({ searchParams }: Props) {
  const params = await searchParams;
  const { token, profile, organizations, organization, keys } = await loadOrgPage(pagePath);
  const mayManage = keys.has("environments:manage");
  const mayReadConnections = keys.has("connections:read");
  const [environments, connections] = organization
    ? await Promise.all([
        readSection(
          keys.has("environments:read"),
          async () => {
            const listed = await listEnvironments(token, organization.id);
            return Promise.all(
              listed.map(async (environment) => ({
                ...environment,
                connections: await readSection(
                  mayReadConnections,
                  () => listEnvironmentConnections(token, organization.id, environment.id),
                  "Your role does not show connections (connections:read).",
                ),
              })),
            );
          },
          "Your role does not show environments (environments:read).",
        ),
        readSection(mayReadConnections, () => listConnections(token, organization.id), ""),
      ])
    : [undefined, undefined];
  const error = firstParam(params.error);
  const notice = firstParam(params.notice);
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Environments</h1>
        <p>
          An environment groups connections (clusters, Prometheus, Grafana) that are deployed to together,
          such as staging or production. Workspaces share environments with their teams.
        </p>
      </header>
      <PageAlerts error={error} notice={notice} />
      {organization && environments ? (
        <>
          <section className="panel" aria-labelledby="environments-title">
            <header className="panel-head">
              <h2 id="environments-title">Environments of {organization.name}</h2>
              <OrganizationSwitcher
                organizations={organizations}
                selectedId={organization.id}
                returnTo={pagePath}
              />
            </header>
            {environments.ok ? (
              <EnvironmentList
                environments={environments.value}
                connections={connections?.ok ? connections.value : undefined}
                mayManage={mayManage}
              />
            ) : (
              <p className="muted">{environments.message}</p>
            )}
            {connections?.ok && connections.value.length === 0 && environments.ok && (
              <p className="muted" style={{ marginBottom: 0 }}>
                This organization has no connections yet. Meshery Server registers them when it connects to a
                cluster; they can then be assigned here.
              </p>
            )}
          </section>
          <section className="panel" aria-labelledby="new-environment-title">
            <header className="panel-head">
              <h2 id="new-environment-title">New environment</h2>
            </header>
            {mayManage ? (
              <EnvironmentCreateForm />
            ) : (
              <p className="muted">Your role does not include managing environments (environments:manage).</p>
            )}
          </section>
        </>
      ) : (
        <p className="muted">You belong to no organization yet.</p>
      )}
    </main>
  );
}

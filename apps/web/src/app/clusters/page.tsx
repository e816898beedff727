// The organisation's clusters: each agent's state and versions, revocation, and adding a cluster.
import "./clusters.css";
import { ClusterAddForm } from "../../components/cluster-add-form";
import { ClusterTable } from "../../components/cluster-table";
import { OrganizationSwitcher } from "../../components/organization-switcher";
import { PageAlerts } from "../../components/page-alerts";
import { SignedInHeader } from "../../components/signed-in-header";
import { listClusters } from "../../lib/clusters";
import { loadOrgPage, readSection } from "../../lib/organizations";
import { firstParam } from "../../lib/signed-in";

export const dynamic = "force-dynamic";

const pagePath = "/clusters";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClustersPage({ searchParams }: Props) {
  const params = await searchParams;
  const { token, profile, organizations, organization, keys } = await loadOrgPage(pagePath);
  const mayManage = keys.has("connections:manage");
  const clusters = organization
    ? await readSection(
        keys.has("connections:read"),
        () => listClusters(token, organization.id),
        "Your role does not show clusters (connections:read).",
      )
    : undefined;
  const error = firstParam(params.error);
  const notice = firstParam(params.notice);
  const now = Date.now();
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Clusters</h1>
        <p>
          Each cluster runs a small agent that dials out to Meshplane over HTTPS: it deploys designs, reports
          the cluster&apos;s inventory and sends a heartbeat every 30 seconds. A cluster whose agent misses
          three heartbeats shows as disconnected until it calls in again.
        </p>
      </header>
      <PageAlerts error={error} notice={notice} />
      {organization && clusters ? (
        <>
          <section className="panel" aria-labelledby="clusters-title">
            <header className="panel-head">
              <h2 id="clusters-title">Clusters of {organization.name}</h2>
              <OrganizationSwitcher
                organizations={organizations}
                selectedId={organization.id}
                returnTo={pagePath}
              />
            </header>
            {clusters.ok ? (
              <ClusterTable clusters={clusters.value} now={now} mayManage={mayManage} />
            ) : (
              <p className="muted">{clusters.message}</p>
            )}
          </section>
          <section className="panel" aria-labelledby="add-cluster-title">
            <header className="panel-head">
              <h2 id="add-cluster-title">Add a cluster</h2>
            </header>
            {mayManage ? (
              <ClusterAddForm />
            ) : (
              <p className="muted">Your role does not include adding clusters (connections:manage).</p>
            )}
          </section>
        </>
      ) : (
        <p className="muted">You belong to no organization yet.</p>
      )}
    </main>
  );
}

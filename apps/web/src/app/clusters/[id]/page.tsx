// One cluster: its facts, its agent's credential, recent jobs with their outcomes, and the way to its inventory.
import "../clusters.css";
import { notFound } from "next/navigation";
import { ClusterJobs } from "../../../components/cluster-jobs";
import { ClusterState } from "../../../components/cluster-state";
import { RevokeButton } from "../../../components/cluster-table";
import { PageAlerts } from "../../../components/page-alerts";
import { SignedInHeader } from "../../../components/signed-in-header";
import { getCluster, listClusterJobs } from "../../../lib/clusters";
import { timeAgo } from "../../../lib/clusters-format";
import { loadOrgPage, readSection } from "../../../lib/organizations";
import { firstParam } from "../../../lib/signed-in";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ClusterPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  if (!uuid.test(id)) notFound();
  const { token, profile, organization, keys } = await loadOrgPage(`/clusters/${id}`);
  if (!organization || !keys.has("connections:read")) notFound();
  const cluster = await getCluster(token, organization.id, id);
  if (!cluster) notFound();
  const agentId = cluster.agentId;
  const jobs = agentId
    ? await readSection(true, () => listClusterJobs(token, organization.id, agentId), "")
    : undefined;
  const now = Date.now();
  const error = firstParam(query.error);
  const notice = firstParam(query.notice);
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <p className="muted">
        <a href="/clusters">Clusters</a> / {cluster.name}
      </p>
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }} data-testid="cluster-name">
          {cluster.name}
        </h1>
        <ClusterState state={cluster.revoked ? "revoked" : cluster.status} />
      </header>
      <PageAlerts error={error} notice={notice} />
      {cluster.credentialNote && (
        <p className="alert" role="alert">
          {cluster.credentialNote}
        </p>
      )}
      <section className="panel" aria-labelledby="facts-title">
        <header className="panel-head">
          <h2 id="facts-title">Cluster</h2>
          {keys.has("connections:manage") && agentId && !cluster.revoked && (
            <RevokeButton agentId={agentId} connectionId={cluster.connectionId} name={cluster.name} />
          )}
        </header>
        <dl className="facts">
          <dt>Last heartbeat</dt>
          <dd title={cluster.lastHeartbeatAt ?? undefined}>{timeAgo(cluster.lastHeartbeatAt, now)}</dd>
          <dt>Kubernetes</dt>
          <dd>{cluster.kubernetesVersion ?? "—"}</dd>
          <dt>Nodes</dt>
          <dd>{cluster.nodeCount ?? "—"}</dd>
          <dt>Agent version</dt>
          <dd>{cluster.agentVersion ?? "—"}</dd>
          <dt>Agent credential</dt>
          <dd>
            {cluster.revoked
              ? "revoked"
              : cluster.credentialExpiresAt
                ? `expires ${new Date(cluster.credentialExpiresAt).toUTCString()} (the agent rotates it before then)`
                : "no agent"}
          </dd>
        </dl>
        <p style={{ marginBottom: 0 }}>
          <a href={`/clusters/${cluster.connectionId}/inventory`} data-testid="inventory-link">
            Browse the inventory →
          </a>
        </p>
      </section>
      <section className="panel" aria-labelledby="jobs-title">
        <header className="panel-head">
          <h2 id="jobs-title">Recent jobs</h2>
        </header>
        {!jobs ? (
          <p className="muted">No agent serves this connection, so it runs no jobs.</p>
        ) : jobs.ok ? (
          <ClusterJobs jobs={jobs.value} now={now} />
        ) : (
          <p className="muted">{jobs.message}</p>
        )}
      </section>
    </main>
  );
}

// The organisation's clusters: state, last heartbeat, versions, nodes, credential warnings and revocation.
import { revokeAgentAction } from "../app/clusters/actions";
import type { Cluster } from "../lib/clusters";
import { timeAgo } from "../lib/clusters-format";
import { ClusterState } from "./cluster-state";

export function ClusterTable({
  clusters,
  now,
  mayManage,
}: {
  clusters: Cluster[];
  now: number;
  mayManage: boolean;
}) {
  if (clusters.length === 0) {
    return (
      <p className="muted">
        No clusters yet. Add one below: its agent dials out to Meshplane, so no port is opened.
      </p>
    );
  }
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Cluster</th>
          <th>State</th>
          <th>Last heartbeat</th>
          <th>Kubernetes</th>
          <th>Nodes</th>
          <th>Agent</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {clusters.map((cluster) => (
          <tr key={cluster.connectionId} data-testid="cluster-row" data-status={cluster.status}>
            <td>
              <a href={`/clusters/${cluster.connectionId}`}>{cluster.name}</a>
              {cluster.credentialNote && (
                <p className="muted" role="note" style={{ margin: "4px 0 0" }}>
                  ⚠ {cluster.credentialNote}
                </p>
              )}
            </td>
            <td>
              <ClusterState state={cluster.revoked ? "revoked" : cluster.status} />
            </td>
            <td title={cluster.lastHeartbeatAt ?? undefined}>{timeAgo(cluster.lastHeartbeatAt, now)}</td>
            <td>{cluster.kubernetesVersion ?? "—"}</td>
            <td>{cluster.nodeCount ?? "—"}</td>
            <td>{cluster.agentVersion ?? "—"}</td>
            <td>
              {mayManage && cluster.agentId && !cluster.revoked && (
                <RevokeButton
                  agentId={cluster.agentId}
                  connectionId={cluster.connectionId}
                  name={cluster.name}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RevokeButton({
  agentId,
  connectionId,
  name,
}: {
  agentId: string;
  connectionId: string;
  name: string;
}) {
  return (
    <form action={revokeAgentAction} className="inline-form">
      <input type="hidden" name="agentId" value={agentId} />
      <input type="hidden" name="connectionId" value={connectionId} />
      <button type="submit" className="button button-danger" aria-label={`Revoke the agent of ${name}`}>
        Revoke
      </button>
    </form>
  );
}

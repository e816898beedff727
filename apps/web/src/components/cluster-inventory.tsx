// One page of a cluster's inventory objects: kind, namespace, name and labels.
import type { InventoryObject } from "../lib/clusters";

export function ClusterInventoryTable({ objects }: { objects: InventoryObject[] }) {
  if (objects.length === 0) return <p className="muted">No objects match.</p>;
  return (
    <table className="table" data-testid="inventory-table">
      <thead>
        <tr>
          <th>Kind</th>
          <th>Namespace</th>
          <th>Name</th>
          <th>Labels</th>
        </tr>
      </thead>
      <tbody>
        {objects.map((object) => (
          <tr key={object.uid} data-testid="inventory-object">
            <td>
              {object.kind}
              {object.apiVersion && <span className="muted"> {object.apiVersion}</span>}
            </td>
            <td>{object.namespace || "—"}</td>
            <td>
              <code>{object.name}</code>
            </td>
            <td>
              {Object.entries(object.labels).map(([key, value]) => (
                <span key={key} className="tag">
                  {key}={value}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

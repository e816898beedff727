// The organisation's environments, each with the connections it groups: create, rename, delete, assign.
import {
  assignConnectionAction,
  createEnvironmentAction,
  deleteEnvironmentAction,
  updateEnvironmentAction,
} from "../app/environments/actions";
import { type Connection, type Environment, unassignedConnections } from "../lib/environments";
import type { Readable } from "../lib/organizations";

export type EnvironmentWithConnections = Environment & { connections: Readable<Connection[]> };

export function EnvironmentCreateForm() {
  return (
    <form action={createEnvironmentAction} className="row" aria-label="Create an environment">
      <label className="field">
        Environment name
        <input name="name" required maxLength={120} placeholder="staging" />
      </label>
      <label className="field">
        Description <small>optional</small>
        <input name="description" maxLength={2000} placeholder="The clusters we try releases on" />
      </label>
      <button type="submit" className="button">
        Create environment
      </button>
    </form>
  );
}

export function EnvironmentList(props: {
  environments: EnvironmentWithConnections[];
  /** The organisation's connections, when the user may read them. */
  connections: Connection[] | undefined;
  mayManage: boolean;
}) {
  if (props.environments.length === 0) return <p className="muted">No environments yet.</p>;
  return (
    <ul className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(300px, 1fr))" }}>
      {props.environments.map((environment) => (
        <li key={environment.id} className="card stack" data-testid="environment-card">
          <div className="card-head">
            <h3>{environment.name}</h3>
            {environment.description && <p>{environment.description}</p>}
          </div>
          <EnvironmentConnections
            environment={environment}
            organizationConnections={props.connections}
            mayManage={props.mayManage}
          />
          {props.mayManage && <EnvironmentChanges environment={environment} />}
        </li>
      ))}
    </ul>
  );
}

function EnvironmentConnections(props: {
  environment: EnvironmentWithConnections;
  organizationConnections: Connection[] | undefined;
  mayManage: boolean;
}) {
  const { environment } = props;
  if (!environment.connections.ok) return <p className="muted">{environment.connections.message}</p>;
  const assigned = environment.connections.value;
  const choices = unassignedConnections(props.organizationConnections ?? [], assigned);
  return (
    <div className="stack" style={{ gap: 6 }}>
      <strong style={{ fontSize: "0.85rem" }}>Connections ({assigned.length})</strong>
      {assigned.length === 0 && <span className="muted">None assigned yet.</span>}
      {assigned.map((connection) => (
        <div
          key={connection.id}
          className="row"
          style={{ justifyContent: "space-between", alignItems: "center" }}
        >
          <span>
            {connection.name} <span className="tag">{connection.kind}</span>{" "}
            <span className="tag">{connection.status}</span>
          </span>
          {props.mayManage && (
            <form action={assignConnectionAction} className="inline-form">
              <input type="hidden" name="environmentId" value={environment.id} />
              <input type="hidden" name="connectionId" value={connection.id} />
              <input type="hidden" name="assigned" value="false" />
              <button
                type="submit"
                className="button button-quiet"
                aria-label={`Unassign ${connection.name}`}
              >
                Unassign
              </button>
            </form>
          )}
        </div>
      ))}
      {props.mayManage && choices.length > 0 && (
        <form action={assignConnectionAction} className="row">
          <input type="hidden" name="environmentId" value={environment.id} />
          <input type="hidden" name="assigned" value="true" />
          <label className="field">
            Add a connection
            <select name="connectionId">
              {choices.map((connection) => (
                <option key={connection.id} value={connection.id}>
                  {connection.name} ({connection.kind})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button-quiet">
            Assign
          </button>
        </form>
      )}
    </div>
  );
}

function EnvironmentChanges({ environment }: { environment: Environment }) {
  return (
    <div className="row" style={{ alignItems: "start" }}>
      <details>
        <summary className="button button-quiet">Rename</summary>
        <form action={updateEnvironmentAction} className="stack" style={{ marginTop: 10 }}>
          <input type="hidden" name="environmentId" value={environment.id} />
          <label className="field">
            New name for {environment.name}
            <input name="name" required maxLength={120} defaultValue={environment.name} />
          </label>
          <label className="field">
            Description
            <input name="description" maxLength={2000} defaultValue={environment.description} />
          </label>
          <div>
            <button type="submit" className="button">
              Save
            </button>
          </div>
        </form>
      </details>
      <details>
        <summary className="button button-danger">Delete…</summary>
        <form action={deleteEnvironmentAction} className="stack" style={{ marginTop: 10 }}>
          <input type="hidden" name="environmentId" value={environment.id} />
          <input type="hidden" name="name" value={environment.name} />
          <p className="muted" style={{ margin: 0 }}>
            The environment goes; its connections stay in the organization.
          </p>
          <div>
            <button type="submit" className="button button-danger">
              Delete {environment.name}
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}

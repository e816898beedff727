// Picks the workspace the user works in within the selected organisation, or creates one when allowed.
import { createWorkspaceAction, switchWorkspace } from "../app/dashboard/actions";
import type { Workspace } from "../lib/workspaces";

export function WorkspaceSwitcher(props: {
  workspaces: Workspace[];
  selectedId: string | undefined;
  mayCreate: boolean;
}) {
  return (
    <div className="row" style={{ alignItems: "end" }}>
      {props.workspaces.length > 0 && (
        <form action={switchWorkspace} className="row" aria-label="Workspace">
          <label className="field">
            Workspace
            <select key={props.selectedId} name="workspaceId" defaultValue={props.selectedId}>
              {props.workspaces.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button-quiet">
            Switch
          </button>
        </form>
      )}
      {props.mayCreate && (
        <form action={createWorkspaceAction} className="row" aria-label="Create a workspace">
          <label className="field">
            New workspace
            <input name="name" required maxLength={120} placeholder="Staging" />
          </label>
          <button type="submit" className="button button-quiet">
            Create workspace
          </button>
        </form>
      )}
    </div>
  );
}

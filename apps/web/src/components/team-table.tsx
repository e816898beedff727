// The organisation's teams: create one, rename or redescribe it, and delete it after a confirmation.
import { createTeamAction, deleteTeamAction, updateTeamAction } from "../app/settings/teams/actions";
import type { Team } from "../lib/teams";

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function TeamCreateForm() {
  return (
    <form action={createTeamAction} className="row" aria-label="Create a team">
      <label className="field">
        Team name
        <input name="name" required maxLength={120} placeholder="Platform" />
      </label>
      <label className="field">
        Description <small>optional</small>
        <input name="description" maxLength={2000} placeholder="Runs the clusters" />
      </label>
      <button type="submit" className="button">
        Create team
      </button>
    </form>
  );
}

export function TeamTable({ teams, mayManage }: { teams: Team[]; mayManage: boolean }) {
  if (teams.length === 0) return <p className="muted">No teams yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Team</th>
          <th>Description</th>
          <th>Created</th>
          {mayManage && <th />}
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => (
          <tr key={team.id} data-testid="team-row">
            <td style={{ fontWeight: 600 }}>{team.name}</td>
            <td className="muted">{team.description || "—"}</td>
            <td>{day.format(new Date(team.createdAt))}</td>
            {mayManage && (
              <td style={{ textAlign: "right" }}>
                <div className="row" style={{ justifyContent: "end", alignItems: "start" }}>
                  <details>
                    <summary className="button button-quiet">Rename</summary>
                    <form
                      action={updateTeamAction}
                      className="stack"
                      style={{ marginTop: 10, textAlign: "left" }}
                    >
                      <input type="hidden" name="teamId" value={team.id} />
                      <label className="field">
                        New name for {team.name}
                        <input name="name" required maxLength={120} defaultValue={team.name} />
                      </label>
                      <label className="field">
                        Description
                        <input name="description" maxLength={2000} defaultValue={team.description} />
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
                    <form
                      action={deleteTeamAction}
                      className="stack"
                      style={{ marginTop: 10, textAlign: "left" }}
                    >
                      <input type="hidden" name="teamId" value={team.id} />
                      <input type="hidden" name="name" value={team.name} />
                      <p className="muted" style={{ margin: 0, maxWidth: "20em" }}>
                        The team goes, with its links to workspaces. Its people stay members.
                      </p>
                      <div>
                        <button type="submit" className="button button-danger">
                          Delete {team.name}
                        </button>
                      </div>
                    </form>
                  </details>
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

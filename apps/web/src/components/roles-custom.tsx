// Custom roles of an organisation: the form that creates one from a checklist of keys, and the list with deletion.
import { createRoleAction, deleteRoleAction } from "../app/settings/roles/actions";
import styles from "../app/settings/roles/roles.module.css";
import { groupPermissionKeys, type Role } from "../lib/roles";

export function RolesCreateForm({ permissionKeys }: { permissionKeys: string[] }) {
  return (
    <form action={createRoleAction} className="stack" aria-label="Create a custom role">
      <div className="row">
        <label className="field">
          Role key
          <input name="key" required pattern="[a-z][a-z0-9_\-]{1,39}" maxLength={40} placeholder="deployer" />
          <small>lowercase letters, digits, - and _</small>
        </label>
        <label className="field">
          Role name
          <input name="roleName" required maxLength={80} placeholder="Deployer" />
          <small>as people read it</small>
        </label>
        <label className="field" style={{ flex: 1 }}>
          Description <small>optional</small>
          <input name="description" maxLength={500} placeholder="Deploys designs to the staging clusters" />
          <small>&nbsp;</small>
        </label>
      </div>
      <fieldset className={styles.permissionChecks}>
        <legend>Permissions it grants</legend>
        {groupPermissionKeys(permissionKeys).map((group) => (
          <div key={group.resource} className={styles.permissionGroup}>
            <strong>{group.resource}</strong>
            {group.keys.map((key) => (
              <label key={key}>
                <input type="checkbox" name="permissionKeys" value={key} /> {key}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button">
          Create role
        </button>
      </div>
    </form>
  );
}

export function RolesCustomList({ roles, mayManage }: { roles: Role[]; mayManage: boolean }) {
  if (roles.length === 0)
    return <p className="muted">No custom roles yet: members hold built-in roles only.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Role</th>
          <th>Key</th>
          <th>Grants</th>
          {mayManage && <th />}
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.id} data-testid="custom-role-row">
            <td>
              <div style={{ fontWeight: 600 }}>{role.roleName}</div>
              {role.description && <div className="muted">{role.description}</div>}
            </td>
            <td>
              <code>{role.key}</code>
            </td>
            <td>{role.permissionKeys.join(", ") || <span className="muted">nothing</span>}</td>
            {mayManage && (
              <td style={{ textAlign: "right" }}>
                <details>
                  <summary className="button button-danger">Delete…</summary>
                  <form
                    action={deleteRoleAction}
                    className="stack"
                    style={{ marginTop: 10, textAlign: "left" }}
                  >
                    <input type="hidden" name="roleId" value={role.id} />
                    <input type="hidden" name="roleName" value={role.roleName} />
                    <p className="muted" style={{ margin: 0, maxWidth: "20em" }}>
                      Members who hold only this role keep their membership but lose what it granted.
                    </p>
                    <div>
                      <button type="submit" className="button button-danger">
                        Delete {role.roleName}
                      </button>
                    </div>
                  </form>
                </details>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

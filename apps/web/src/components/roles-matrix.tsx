// The roles × permission keys matrix: one column per role, keys grouped by what they act on, a check where granted.
import styles from "../app/settings/roles/roles.module.css";
import { groupPermissionKeys, permissionAction, type Role } from "../lib/roles";

export function RolesMatrix({ roles, permissionKeys }: { roles: Role[]; permissionKeys: string[] }) {
  const granted = roles.map((role) => new Set(role.permissionKeys));
  return (
    <div className={styles.scroller}>
      <table className={styles.matrix} data-testid="roles-matrix">
        <thead>
          <tr>
            <th scope="col">Permission</th>
            {roles.map((role) => (
              <th
                key={role.id}
                scope="col"
                title={role.description || role.key}
                className={role.builtIn ? undefined : styles.customColumn}
              >
                {role.roleName}
                {!role.builtIn && <span className={styles.custom}>custom</span>}
              </th>
            ))}
          </tr>
        </thead>
        {groupPermissionKeys(permissionKeys).map((group) => (
          <tbody key={group.resource}>
            <tr className={styles.group}>
              <th scope="rowgroup" colSpan={roles.length + 1}>
                {group.resource}
              </th>
            </tr>
            {group.keys.map((key) => (
              <tr key={key}>
                <th scope="row" className={styles.key} title={key}>
                  <code>{permissionAction(key)}</code>
                  <span className={styles.hidden}> ({key})</span>
                </th>
                {roles.map((role, index) => (
                  <td key={role.id} className={`${styles.cell} ${role.builtIn ? "" : styles.customColumn}`}>
                    {granted[index]?.has(key) ? (
                      <span className={styles.granted} title={`${role.roleName} may ${key}`}>
                        ✓<span className={styles.hidden}>granted</span>
                      </span>
                    ) : (
                      <span className={styles.denied}>
                        ·<span className={styles.hidden}>not granted</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

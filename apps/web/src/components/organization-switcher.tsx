// Picks the organisation the signed-in pages work in, or creates a new one; plain forms, so they work without JavaScript.
import { createOrganizationAction, switchOrganization } from "../app/dashboard/actions";
import type { Organization } from "../lib/identity";
import { isPersonalOrganization } from "../lib/organizations";

export function OrganizationSwitcher(props: {
  organizations: Organization[];
  selectedId: string | undefined;
  returnTo: string;
}) {
  return (
    <div className="row" style={{ alignItems: "end" }}>
      <form action={switchOrganization} className="row" aria-label="Organization">
        <input type="hidden" name="returnTo" value={props.returnTo} />
        <label className="field">
          Organization
          {/* Keyed by the selection: after an action's redirect React keeps the element, and its old choice. */}
          <select key={props.selectedId} name="orgId" defaultValue={props.selectedId}>
            {props.organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
                {isPersonalOrganization(org) ? " (personal)" : ""}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-quiet">
          Switch
        </button>
      </form>
      <details>
        <summary className="button button-quiet">New organization…</summary>
        <form
          action={createOrganizationAction}
          className="row"
          aria-label="Create an organization"
          style={{ marginTop: 10 }}
        >
          <input type="hidden" name="returnTo" value={props.returnTo} />
          {/* Not labelled "…name": pages that hold this switcher look their own fields up by "Name". */}
          <label className="field">
            New organization
            <input name="name" required maxLength={120} placeholder="Platform team" />
          </label>
          <button type="submit" className="button">
            Create
          </button>
        </form>
      </details>
    </div>
  );
}

// Picks the organisation the signed-in pages work in; a plain form, so it works without JavaScript.
import { switchOrganization } from "../app/dashboard/actions";
import type { Organization } from "../lib/identity";

export function OrganizationSwitcher(props: {
  organizations: Organization[];
  selectedId: string | undefined;
  returnTo: string;
}) {
  return (
    <form action={switchOrganization} className="row" aria-label="Organization">
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <label className="field">
        Organization
        <select name="orgId" defaultValue={props.selectedId}>
          {props.organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-quiet">
        Switch
      </button>
    </form>
  );
}

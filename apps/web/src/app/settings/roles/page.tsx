// Roles of the selected organisation: what every role grants as a matrix, and the custom roles to create or delete.
import { OrganizationSwitcher } from "../../../components/organization-switcher";
import { PageAlerts } from "../../../components/page-alerts";
import { RolesCreateForm, RolesCustomList } from "../../../components/roles-custom";
import { RolesMatrix } from "../../../components/roles-matrix";
import { SignedInHeader } from "../../../components/signed-in-header";
import { loadOrgPage, readSection } from "../../../lib/organizations";
import { listRoles, rolesInMatrixOrder } from "../../../lib/roles";
import { firstParam } from "../../../lib/signed-in";

export const dynamic = "force-dynamic";

const pagePath = "/settings/roles";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RolesPage({ searchParams }: Props) {
  const params = await searchParams;
  const { token, profile, organizations, organization, keys } = await loadOrgPage(pagePath);
  const roles = organization
    ? await readSection(
        keys.has("roles:read"),
        () => listRoles(token, organization.id),
        "Your role does not show roles (roles:read).",
      )
    : undefined;
  const mayManage = keys.has("roles:manage");
  const error = firstParam(params.error);
  const notice = firstParam(params.notice);
  const ordered = roles?.ok ? rolesInMatrixOrder(roles.value.roles) : [];
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Roles</h1>
        <p>
          A member's roles decide what they may do: each role grants a set of permission keys, and a member
          holds the union of their roles' keys. Meshery's built-in roles come first; custom roles follow.
        </p>
      </header>
      <PageAlerts error={error} notice={notice} />
      {organization && roles ? (
        <>
          <section className="panel" aria-labelledby="matrix-title">
            <header className="panel-head">
              <h2 id="matrix-title">What each role grants in {organization.name}</h2>
              <OrganizationSwitcher
                organizations={organizations}
                selectedId={organization.id}
                returnTo={pagePath}
              />
            </header>
            {roles.ok ? (
              <RolesMatrix roles={ordered} permissionKeys={roles.value.permissionKeys} />
            ) : (
              <p className="muted">{roles.message}</p>
            )}
          </section>
          {roles.ok && (
            <section className="panel" aria-labelledby="custom-title">
              <header className="panel-head">
                <h2 id="custom-title">Custom roles</h2>
              </header>
              <RolesCustomList roles={ordered.filter((role) => !role.builtIn)} mayManage={mayManage} />
            </section>
          )}
          {roles.ok && (
            <section className="panel" aria-labelledby="new-role-title">
              <header className="panel-head">
                <h2 id="new-role-title">New custom role</h2>
              </header>
              {mayManage ? (
                <RolesCreateForm permissionKeys={roles.value.permissionKeys} />
              ) : (
                <p className="muted">Your role does not include managing roles (roles:manage).</p>
              )}
            </section>
          )}
        </>
      ) : (
        <p className="muted">You belong to no organization yet.</p>
      )}
    </main>
  );
}

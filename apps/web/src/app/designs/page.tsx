// The organisation's designs: search, page through, open one, or import a new one.
import "./designs.css";
import { OrganizationSwitcher } from "../../components/organization-switcher";
import { SignedInHeader } from "../../components/signed-in-header";
import { designsPageSize, listDesigns } from "../../lib/designs";
import { designPath, formatDateTime, pageCount, pageParam, pageRange } from "../../lib/designs-format";
import { designsSession } from "../../lib/designs-session";
import { firstParam, pathWithQuery } from "../../lib/signed-in";
import { listWorkspaces } from "../../lib/workspaces";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DesignsPage({ searchParams }: Props) {
  const params = await searchParams;
  const session = await designsSession(pathWithQuery("/designs", params));
  const { organization } = session;
  const search = firstParam(params.search)?.trim() ?? "";
  const workspaceId = firstParam(params.workspaceId) ?? "";
  const page = pageParam(firstParam(params.page));
  const [designs, workspaces] = organization
    ? await Promise.all([
        listDesigns(session.token, {
          orgId: organization.id,
          page,
          ...(search ? { search } : {}),
          ...(workspaceId ? { workspaceId } : {}),
        }),
        listWorkspaces(session.token, organization.id),
      ])
    : [undefined, undefined];
  const linkTo = (to: number) =>
    pathWithQuery("/designs", {
      ...(search ? { search } : {}),
      ...(workspaceId ? { workspaceId } : {}),
      ...(to > 0 ? { page: String(to) } : {}),
    });
  return (
    <main className="page">
      <SignedInHeader email={session.profile.email} />
      <header className="hero designs-hero">
        <div>
          <h1 style={{ fontSize: "1.8rem" }}>Designs</h1>
          <p>
            Meshery designs, Kubernetes manifests and Compose files, evaluated and kept with their history.
          </p>
        </div>
        {organization && (
          <a className="button" href="/designs/import">
            Import
          </a>
        )}
      </header>
      {!organization || !designs ? (
        <p className="muted">You belong to no organization yet, so there are no designs to show.</p>
      ) : (
        <section className="panel" aria-labelledby="designs-title">
          <header className="panel-head">
            <h2 id="designs-title">
              In {organization.name} <span className="muted">({designs.totalCount})</span>
            </h2>
            <OrganizationSwitcher
              organizations={session.organizations}
              selectedId={organization.id}
              returnTo="/designs"
            />
          </header>
          <form className="row designs-search" method="get" action="/designs" aria-label="Search designs">
            <label className="field">
              Name contains
              <input name="search" type="search" defaultValue={search} placeholder="shop" maxLength={200} />
            </label>
            {workspaces && workspaces.workspaces.length > 0 && (
              <label className="field">
                Workspace
                <select name="workspaceId" defaultValue={workspaceId}>
                  <option value="">All workspaces</option>
                  {workspaces.workspaces.map((workspace) => (
                    <option key={workspace.id} value={workspace.id}>
                      {workspace.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="submit" className="button button-quiet">
              Search
            </button>
          </form>
          {designs.designs.length === 0 ? (
            <p className="muted">
              {search ? `No design's name contains “${search}”.` : "No designs yet: import one to start."}
            </p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Source</th>
                  <th>Revision</th>
                  <th>Updated</th>
                </tr>
              </thead>
              <tbody>
                {designs.designs.map((design) => (
                  <tr key={design.id} data-testid="design-row">
                    <td>
                      <a href={designPath(design.id)}>{design.name}</a>
                    </td>
                    <td>
                      <span className="tag">{design.sourceType}</span>
                    </td>
                    <td>{design.revision}</td>
                    <td>{formatDateTime(design.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav className="designs-pager" aria-label="Pages">
            <span className="muted">{pageRange(page, designsPageSize, designs.totalCount)}</span>
            {page > 0 && (
              <a className="button button-quiet" href={linkTo(page - 1)} rel="prev">
                Previous
              </a>
            )}
            {page + 1 < pageCount(designsPageSize, designs.totalCount) && (
              <a className="button button-quiet" href={linkTo(page + 1)} rel="next">
                Next
              </a>
            )}
          </nav>
        </section>
      )}
    </main>
  );
}

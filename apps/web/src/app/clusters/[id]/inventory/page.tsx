// A cluster's inventory as its agent reports it: filter by kind, namespace and name, page through the rest.
import "../../clusters.css";
import { notFound } from "next/navigation";
import { ClusterInventoryTable } from "../../../../components/cluster-inventory";
import { SignedInHeader } from "../../../../components/signed-in-header";
import { getCluster, type InventoryFilter, readInventory } from "../../../../lib/clusters";
import { loadOrgPage } from "../../../../lib/organizations";
import { firstParam } from "../../../../lib/signed-in";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps the filter to what the API accepts, so a hand-edited URL cannot turn into an error page. */
function filterOf(query: Record<string, string | string[] | undefined>): InventoryFilter {
  const pick = (key: string, max: number) => {
    const value = firstParam(query[key])?.trim();
    return value && value.length <= max ? value : undefined;
  };
  const filter: InventoryFilter = {};
  const kind = pick("kind", 200);
  const namespace = pick("namespace", 253);
  const q = pick("q", 200);
  const cursor = pick("cursor", 2000);
  if (kind) filter.kind = kind;
  if (namespace) filter.namespace = namespace;
  if (q) filter.q = q;
  if (cursor) filter.cursor = cursor;
  return filter;
}

export default async function ClusterInventoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!uuid.test(id)) notFound();
  const filter = filterOf(await searchParams);
  const pagePath = `/clusters/${id}/inventory`;
  const { token, profile, organization, keys } = await loadOrgPage(pagePath);
  if (!organization || !keys.has("connections:read")) notFound();
  const cluster = await getCluster(token, organization.id, id);
  if (!cluster) notFound();
  let view: Awaited<ReturnType<typeof readInventory>> | { state: "refused"; message: string };
  try {
    view = await readInventory(token, organization.id, id, filter);
  } catch (error) {
    // A bad cursor or filter the API refuses: say why instead of failing the page.
    view = { state: "refused", message: error instanceof Error ? error.message : String(error) };
  }
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <p className="muted">
        <a href="/clusters">Clusters</a> / <a href={`/clusters/${id}`}>{cluster.name}</a> / Inventory
      </p>
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Inventory of {cluster.name}</h1>
        <p>
          What the cluster&apos;s agent lists and watches. Secret values never leave the cluster: only their
          keys do.
        </p>
      </header>
      {view.state === "missing" ? (
        <p className="alert" role="status" data-testid="inventory-missing">
          The inventory has not arrived yet: this Meshplane does not serve cluster inventories so far. The
          cluster itself is unaffected, and this page will list its objects once the inventory is in place.
        </p>
      ) : view.state === "refused" ? (
        <p className="alert" role="alert">
          {view.message} <a href={pagePath}>Start over</a>
        </p>
      ) : (
        <section className="panel" aria-labelledby="inventory-title">
          <header className="panel-head">
            <h2 id="inventory-title">Objects</h2>
          </header>
          <form method="get" action={pagePath} className="row" aria-label="Filter the inventory">
            <label className="field">
              Kind
              <select name="kind" defaultValue={filter.kind ?? ""}>
                <option value="">All kinds</option>
                {view.kinds.map((kind) => (
                  <option key={`${kind.apiGroup}/${kind.kind}`} value={kind.kind}>
                    {kind.kind}
                    {kind.apiGroup ? ` (${kind.apiGroup})` : ""} · {kind.count}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Namespace
              <input name="namespace" defaultValue={filter.namespace ?? ""} maxLength={253} />
            </label>
            <label className="field">
              Name contains
              <input name="q" defaultValue={filter.q ?? ""} maxLength={200} />
            </label>
            <div>
              <button type="submit" className="button">
                Filter
              </button>
            </div>
          </form>
          <ClusterInventoryTable objects={view.objects} />
          {view.next && (
            <p>
              <a href={`${pagePath}?${new URLSearchParams({ ...withoutCursor(filter), cursor: view.next })}`}>
                Next page →
              </a>
            </p>
          )}
        </section>
      )}
    </main>
  );
}

function withoutCursor(filter: InventoryFilter): Record<string, string> {
  const { cursor: _cursor, ...rest } = filter;
  return Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => !!entry[1]));
}

// One design: its graph, what can be done to it, and its components and relationships listed.
import "../designs.css";
import { notFound } from "next/navigation";
import { DeployDialog } from "../../../components/deploy-dialog";
import { DesignActionsPanel } from "../../../components/design-actions-panel";
import { DesignGraph } from "../../../components/design-graph/design-graph";
import { GraphLegend } from "../../../components/design-graph/graph-legend";
import { ComponentTable, RelationshipTable } from "../../../components/design-lists";
import { SignedInHeader } from "../../../components/signed-in-header";
import { ApiError } from "../../../lib/api-client";
import { type DesignRecord, getDesign } from "../../../lib/designs";
import { readDesignContent } from "../../../lib/designs-content";
import { designPath } from "../../../lib/designs-format";
import { designsSession } from "../../../lib/designs-session";
import { firstParam } from "../../../lib/signed-in";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DesignPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const error = firstParam(query.error);
  const session = await designsSession(designPath(id));
  if (!session.organization) notFound();
  let design: DesignRecord;
  try {
    design = await getDesign(session.token, session.organization.id, id);
  } catch (failure) {
    // Another organisation's design, or one deleted: the API answers 404, and so does this page.
    if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) notFound();
    throw failure;
  }
  const { components, links } = readDesignContent(design.design);
  return (
    <main className="page design-page">
      <SignedInHeader email={session.profile.email} />
      <p className="designs-crumbs">
        <a href="/designs">Designs</a> / {design.name}
      </p>
      <header className="design-title">
        <h1 data-testid="design-name">{design.name}</h1>
        <span className="tag">{design.sourceType}</span>
        <span className="tag">{session.organization.name}</span>
        <a href={designPath(id, "/publish")}>Publish to the catalog</a>
        <DeployDialog designId={id} designName={design.name} openOnLoad={firstParam(query.deploy) === "1"} />
      </header>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="design-layout">
        <section className="panel design-graph-panel" aria-label="Graph">
          <DesignGraph components={components} links={links} />
          <GraphLegend />
        </section>
        <DesignActionsPanel design={design} counts={[components.length, links.length]} />
      </div>
      <div className="design-columns">
        <section className="panel" aria-labelledby="components-title">
          <header className="panel-head">
            <h2 id="components-title">Components ({components.length})</h2>
          </header>
          <ComponentTable components={components} />
        </section>
        <section className="panel" aria-labelledby="relationships-title">
          <header className="panel-head">
            <h2 id="relationships-title">Relationships ({links.length})</h2>
          </header>
          <RelationshipTable components={components} links={links} />
        </section>
      </div>
    </main>
  );
}

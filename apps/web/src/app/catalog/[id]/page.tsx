// One published design for anyone: its graph, parts, caveats and counters; downloads; clone for signed-in users.
import "../catalog.css";
import "../../designs/designs.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DesignGraph } from "../../../components/design-graph/design-graph";
import { GraphLegend } from "../../../components/design-graph/graph-legend";
import { Logo } from "../../../components/logo";
import { fetchCatalogEntry } from "../../../lib/catalog";
import { readDesignContent } from "../../../lib/designs-content";
import { listOrganizations } from "../../../lib/identity";
import { selectedOrganization } from "../../../lib/selected-org";
import { firstParam, sessionApiToken } from "../../../lib/signed-in";
import { listWorkspaces, type Workspace } from "../../../lib/workspaces";
import { serverContext } from "../../../server-context";
import { cloneCatalogDesign } from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await fetchCatalogEntry((await params).id);
  if (!entry) return { title: "Not in the catalog" };
  const title = `${entry.name} · Meshplane catalog`;
  return {
    title,
    description: entry.description,
    openGraph: { title, description: entry.description, type: "article" },
  };
}

/** The clone form's choices when signed in; nothing (and a sign-in link) otherwise. */
async function cloneTargets(): Promise<{ organization: string; workspaces: Workspace[] } | undefined> {
  const token = await sessionApiToken();
  if (!token) return undefined;
  const organization = await selectedOrganization(await listOrganizations(token));
  if (!organization) return undefined;
  return {
    organization: organization.name,
    workspaces: (await listWorkspaces(token, organization.id)).workspaces,
  };
}

export default async function CatalogEntryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const entry = await fetchCatalogEntry(id);
  if (!entry) notFound();
  const error = firstParam((await searchParams).error);
  const { components, links } = readDesignContent(entry.design);
  const targets = await cloneTargets();
  const download = (format: string) =>
    `${serverContext().env.publicApiUrl}/api/catalog/designs/${entry.id}/download?format=${format}`;
  return (
    <main className="page design-page">
      <nav className="top">
        <a className="brand" href="/" style={{ color: "inherit" }}>
          <Logo />
          Meshplane
        </a>
        <span className="links">
          <a href="/catalog">Catalog</a>
        </span>
      </nav>
      <p className="designs-crumbs">
        <a href="/catalog">Catalog</a> / {entry.name}
      </p>
      <h1 data-testid="entry-name">{entry.name}</h1>
      <div className="catalog-entry-meta">
        <span className="tag">{entry.type}</span>
        <span className="tag">{entry.class}</span>
        <span className="tag">{entry.technology}</span>
        <span className="tag">{entry.publishedVersion}</span>
        <span className="muted">
          {entry.counters.views} views · {entry.counters.downloads} downloads · {entry.counters.clones} clones
        </span>
      </div>
      <p>{entry.description}</p>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <section className="panel design-graph-panel" aria-label="Graph">
        <DesignGraph components={components} links={links} />
        <GraphLegend />
      </section>
      <section className="panel" aria-label="Use this design">
        <h2>Use it</h2>
        <p>
          <a className="button" href={download("design")}>
            Download the design
          </a>{" "}
          <a className="button" href={download("manifests")}>
            Download the manifests
          </a>
        </p>
        {targets ? (
          <form action={cloneCatalogDesign} className="inline-form">
            <input type="hidden" name="entryId" value={entry.id} />
            <label>
              Clone into {targets.organization}
              <select name="workspaceId" aria-label="Workspace" defaultValue="">
                <option value="">No workspace</option>
                {targets.workspaces.map((workspace) => (
                  <option key={workspace.id} value={workspace.id}>
                    {workspace.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              Clone
            </button>
            <button
              type="submit"
              className="button"
              name="then"
              value="deploy"
              data-testid="clone-and-deploy"
            >
              Clone and deploy…
            </button>
          </form>
        ) : (
          <p>
            <a href={`/sign-in?callbackUrl=${encodeURIComponent(`/catalog/${entry.id}`)}`}>Sign in</a> to
            clone it into a workspace.
          </p>
        )}
      </section>
      <section className="panel" aria-label="Caveats">
        <h2>Caveats</h2>
        <p>{entry.caveats || "None given."}</p>
        <h2>Components</h2>
        <p className="catalog-kinds">
          {entry.componentCount} components: {entry.componentKinds.join(", ")}
        </p>
      </section>
    </main>
  );
}

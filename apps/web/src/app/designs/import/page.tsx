// Importing a design: pick a file, paste text or give a URL; errors and warnings stay on this page.
import "../designs.css";
import { DesignImportForm } from "../../../components/design-import-form";
import { SignedInHeader } from "../../../components/signed-in-header";
import { designsSession } from "../../../lib/designs-session";
import { listWorkspaces } from "../../../lib/workspaces";

export const dynamic = "force-dynamic";

export default async function ImportDesignPage() {
  const session = await designsSession("/designs/import");
  const { organization } = session;
  const workspaces = organization ? (await listWorkspaces(session.token, organization.id)).workspaces : [];
  return (
    <main className="page">
      <SignedInHeader email={session.profile.email} />
      <p className="designs-crumbs">
        <a href="/designs">Designs</a> / Import
      </p>
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Import a design</h1>
        <p>
          A Meshery design (YAML or JSON), Kubernetes manifests (several documents and <code>List</code>s are
          fine) or a Docker Compose file. Relationships are found as it is saved.
        </p>
      </header>
      {organization ? (
        <section className="panel" aria-labelledby="import-title">
          <header className="panel-head">
            <h2 id="import-title">Into {organization.name}</h2>
          </header>
          <DesignImportForm workspaces={workspaces} />
        </section>
      ) : (
        <p className="muted">You belong to no organization yet, so there is nowhere to import to.</p>
      )}
    </main>
  );
}

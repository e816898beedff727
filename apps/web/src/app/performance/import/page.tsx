// Importing a result recorded elsewhere: Fortio's JSON (as Meshery stores it) or a Service Mesh Performance result.
import "../performance.css";
import { PerfImportForm } from "../../../components/perf-import-form";
import { SignedInHeader } from "../../../components/signed-in-header";
import { listProfiles } from "../../../lib/performance";
import { performanceSession } from "../../../lib/performance-session";

export const dynamic = "force-dynamic";

export default async function ImportResultPage() {
  const session = await performanceSession("/performance/import");
  const { organization } = session;
  const profiles = organization ? await listProfiles(session.token, organization.id) : [];
  return (
    <main className="page perf-page">
      <SignedInHeader email={session.profile.email} />
      <p className="perf-crumbs">
        <a href="/performance">Performance</a> / Import
      </p>
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Import a result</h1>
        <p>
          A Fortio result (the JSON Meshery keeps as runner results) or a Service Mesh Performance result. The
          result page then lists what precision the format lost.
        </p>
      </header>
      {organization ? (
        <section className="panel" aria-labelledby="import-title">
          <header className="panel-head">
            <h2 id="import-title">Into {organization.name}</h2>
          </header>
          <PerfImportForm profiles={profiles.map(({ id, name }) => ({ id, name }))} />
        </section>
      ) : (
        <p className="muted">You belong to no organization yet, so there is nowhere to import to.</p>
      )}
    </main>
  );
}

// The start page: what Meshplane is, the live health of its API and database, and what each area can do today.
import { Logo } from "../components/logo";
import { StatusPanel } from "../components/status-panel";
import { readEnv } from "../env";
import { fetchHealth } from "../lib/health";

export const dynamic = "force-dynamic";

// What each area can do today, said plainly: built, partly built (and what is missing), or not yet.
const areas = [
  {
    name: "Designs",
    text: "Kubernetes infrastructure as components and relationships, with revisions and diffs.",
    state: "Available",
    href: "/designs",
  },
  {
    name: "Catalog",
    text: "Browse and clone reviewed designs without an account; authors ask to publish from a design's page, curators approve or deny with a reason, and authors edit or unpublish their entries.",
    state: "Available",
    href: "/catalog",
  },
  {
    name: "Models",
    text: "The Kubernetes model and imported Meshery models: every component's schema as a readable field tree, without an account. Curators upload Meshery models (JSON, .tar or .tar.gz) on the web or through the API.",
    state: "Available",
    href: "/catalog/models",
  },
  {
    name: "Clusters & agent",
    text: "Add a cluster with a one-time token and a Helm or kubectl command; its agent dials out, deploys, dry-runs and undeploys designs with per-object results, and shows as disconnected when its heartbeats stop. Each cluster's inventory can be browsed.",
    state: "Available",
    href: "/clusters",
  },
  {
    name: "Performance",
    text: "Load tests that correct for coordinated omission: profiles with thresholds, a Run button with live charts, results with percentiles, a histogram and SMP export, SMP and Fortio import, and comparison against a baseline. Runs from this machine or through cluster agents, on demand or on a cron schedule.",
    state: "Available",
    href: "/performance",
  },
];

export default async function StartPage() {
  const env = readEnv();
  const report = await fetchHealth(env.apiUrl);
  return (
    <main className="page">
      <nav className="top">
        <span className="brand">
          <Logo />
          Meshplane
        </span>
        <span className="links">
          <a href="/catalog">Catalog</a>
          <a href={`${env.publicApiUrl}/api/docs`}>API reference</a>
          <a href={`${env.publicApiUrl}/api/openapi.json`}>OpenAPI</a>
          <a className="button" href="/sign-in?callbackUrl=%2Fdashboard">
            Sign in
          </a>
        </span>
      </nav>
      <header className="hero">
        <h1>The management plane for cloud native infrastructure.</h1>
        <p>
          Keep designs in shared workspaces, publish them to a public catalog, deploy them through an agent in
          each cluster, and measure latency honestly. A Meshery Remote Provider too.
        </p>
      </header>
      <StatusPanel report={report} />
      <section aria-labelledby="next-title">
        <h2 id="next-title" className="section-title">
          What it does
        </h2>
        <ul className="grid">
          {areas.map((area) => (
            <li key={area.name} className="card">
              <div className="card-head">
                <h3>{area.href ? <a href={area.href}>{area.name}</a> : area.name}</h3>
                <span className="tag">{area.state}</span>
              </div>
              <p>{area.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <footer className="foot muted">Reading {report.url}</footer>
    </main>
  );
}

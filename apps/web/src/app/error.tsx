"use client";
// What a page shows when rendering it failed, most often because the API could not be reached.
import { Logo } from "../components/logo";

export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="page">
      <nav className="top">
        <a className="brand" href="/" style={{ color: "inherit" }}>
          <Logo />
          Meshplane
        </a>
      </nav>
      <section className="panel status-unreachable" aria-labelledby="error-title">
        <header className="panel-head">
          <h2 id="error-title">This page could not be shown</h2>
        </header>
        <div className="notice">
          <p>The web app could not get what this page needs from the API. It may be restarting.</p>
          {error.digest && (
            <p className="muted">
              Reference <code>{error.digest}</code> in the web server's log.
            </p>
          )}
          <p>
            <button type="button" className="button" onClick={reset}>
              Try again
            </button>
          </p>
        </div>
      </section>
    </main>
  );
}

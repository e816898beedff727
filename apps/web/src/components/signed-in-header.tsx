// The top bar of signed-in pages: where to go, who is signed in, and the way out.
import { signOutAction } from "../auth/sign-out-action";
import { CatalogReviewLink } from "./catalog-review-link";
import { Logo } from "./logo";

export function SignedInHeader({ email }: { email: string }) {
  return (
    <nav className="top">
      <a className="brand" href="/dashboard" style={{ color: "inherit" }}>
        <Logo />
        Meshplane
      </a>
      <span className="links" style={{ alignItems: "center" }}>
        <a href="/dashboard">Dashboard</a>
        <a href="/designs">Designs</a>
        <a href="/catalog">Catalog</a>
        <CatalogReviewLink />
        <a href="/clusters">Clusters</a>
        <a href="/environments">Environments</a>
        <a href="/performance">Performance</a>
        <a href="/settings/members">Members</a>
        <a href="/settings/teams">Teams</a>
        <a href="/settings/roles">Roles</a>
        <a href="/settings/tokens">API tokens</a>
        <span className="muted" data-testid="signed-in-email">
          {email}
        </span>
        <form action={signOutAction} className="inline-form">
          <button type="submit" className="button button-quiet">
            Sign out
          </button>
        </form>
      </span>
    </nav>
  );
}

// The header the registry's public pages share: back to the catalog and the models, and a sign-in link.
import { Logo } from "../../../components/logo";

export function RegistryNav({ returnTo }: { returnTo: string }) {
  return (
    <nav className="top">
      <a className="brand" href="/" style={{ color: "inherit" }}>
        <Logo />
        Meshplane
      </a>
      <span className="links">
        <a href="/catalog">Catalog</a>
        <a href="/catalog/models" aria-current={returnTo === "/catalog/models" ? "page" : undefined}>
          Models
        </a>
        <a className="button" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>
          Sign in
        </a>
      </span>
    </nav>
  );
}

/** Previous and next links around "Page n of m"; nothing when everything fits on one page. */
export function Paging({
  page,
  pageSize,
  totalCount,
  href,
}: {
  page: number;
  pageSize: number;
  totalCount: number;
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  if (pages === 1 && page === 0) return null;
  return (
    <nav className="catalog-paging" aria-label="Pages">
      {page > 0 && <a href={href(page - 1)}>← Previous</a>}
      <span className="muted">
        Page {page + 1} of {pages}
      </span>
      {page + 1 < pages && <a href={href(page + 1)}>Next →</a>}
    </nav>
  );
}

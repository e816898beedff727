// Where an invitation link lands: sign in (and come back), then accept to join the organisation.
import { Logo } from "../../../components/logo";
import { acceptPagePath } from "../../../lib/invitations";
import { currentProfile, firstParam, requireApiToken } from "../../../lib/signed-in";
import { acceptInvitationAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AcceptInvitationPage({ searchParams }: Props) {
  const params = await searchParams;
  const code = firstParam(params.code) ?? "";
  // Signed out, the sign-in page sends the user back here with the code.
  const token = await requireApiToken(acceptPagePath(code));
  const profile = await currentProfile(token);
  const error = firstParam(params.error);
  return (
    <main className="page">
      <nav className="top">
        <a className="brand" href="/dashboard" style={{ color: "inherit" }}>
          <Logo />
          Meshplane
        </a>
      </nav>
      <section className="panel narrow" aria-labelledby="accept-title">
        <h1 id="accept-title" style={{ fontSize: "1.4rem", margin: "0 0 18px" }}>
          Join an organization
        </h1>
        {error && (
          <p className="alert" role="alert">
            {error === "notFound" ? (
              <>
                This invitation does not exist or was not made for <strong>{profile.email}</strong>. Sign in
                with the address it was sent to, or ask for a new one.
              </>
            ) : (
              error
            )}
          </p>
        )}
        {code ? (
          <form action={acceptInvitationAction} className="stack">
            <input type="hidden" name="code" value={code} />
            <p style={{ margin: 0 }}>
              You were invited to an organization on Meshplane. Accepting adds{" "}
              <strong data-testid="accepting-email">{profile.email}</strong> to it with the role the
              invitation names.
            </p>
            <button type="submit" className="button button-wide">
              Accept invitation
            </button>
            <a href="/dashboard" className="muted" style={{ textAlign: "center" }}>
              Not now
            </a>
          </form>
        ) : (
          <p className="muted">This link carries no invitation code. Open the full link you were sent.</p>
        )}
      </section>
    </main>
  );
}

// The sign-in page: a button per configured provider and, in the one-machine mode, sign-in by email.

import { redirect } from "next/navigation";
import { providerChoices } from "../../auth/providers";
import { Logo } from "../../components/logo";
import { safeReturnPath } from "../../lib/return-path";
import { firstParam, sessionApiToken } from "../../lib/signed-in";
import { serverContext } from "../../server-context";
import { signInForDevelopment, signInWithProvider } from "./actions";
import { signInErrorMessage } from "./error-messages";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(firstParam(params.callbackUrl));
  const error = signInErrorMessage(firstParam(params.error));
  // Already signed in (say, a second tab): go on to where the sign-in would have led.
  if (!error && (await sessionApiToken())) redirect(callbackUrl);
  const { auth } = serverContext().env;
  const providers = providerChoices(auth);
  return (
    <main className="page">
      <nav className="top">
        <a className="brand" href="/" style={{ color: "inherit" }}>
          <Logo />
          Meshplane
        </a>
      </nav>
      <section className="panel narrow" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" style={{ fontSize: "1.4rem", margin: "0 0 18px" }}>
          Sign in to Meshplane
        </h1>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="stack">
          {providers.map((provider) => (
            <form key={provider.id} action={signInWithProvider}>
              <input type="hidden" name="provider" value={provider.id} />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="button button-wide">
                Continue with {provider.name}
              </button>
            </form>
          ))}
          {providers.length > 0 && auth.devSignIn && <div className="divider">or, on this machine</div>}
          {auth.devSignIn && (
            <form action={signInForDevelopment} className="stack" aria-label="Development sign-in">
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <label className="field">
                Email
                <input
                  name="email"
                  type="email"
                  required
                  autoComplete="email"
                  placeholder="you@example.com"
                />
              </label>
              <label className="field">
                Name <small>optional</small>
                <input name="name" type="text" autoComplete="name" maxLength={120} />
              </label>
              <button type="submit" className="button button-quiet button-wide">
                Sign in for development
              </button>
              <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
                The one-machine mode signs you in by email alone. It is never available in production.
              </p>
            </form>
          )}
          {providers.length === 0 && !auth.devSignIn && (
            <p className="notice">
              No sign-in method is configured. Set <code>AUTH_GITHUB_ID</code>, <code>AUTH_GOOGLE_ID</code> or{" "}
              <code>AUTH_OIDC_ISSUER</code> with their secrets.
            </p>
          )}
        </div>
      </section>
    </main>
  );
}

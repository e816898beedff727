// Meshery Server's login consent: a signed-in user lets the Meshery Server at a given address act as them.
import { SignedInHeader } from "../../../components/signed-in-header";
import { decodeMesheryCallback } from "../../../lib/meshery-login";
import { currentProfile, firstParam, pathWithQuery, requireApiToken } from "../../../lib/signed-in";
import { allowMesheryLogin } from "./actions";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MesheryConsentPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = await requireApiToken(pathWithQuery("/provider/login", params));
  const profile = await currentProfile(token);
  const source = firstParam(params.source);
  const ref = firstParam(params.ref) ?? "";
  const callback = decodeMesheryCallback(source);
  const failed = firstParam(params.error) === "InvalidRequest";
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <section className="panel narrow" aria-labelledby="consent-title">
        <h1 id="consent-title" style={{ fontSize: "1.3rem", margin: "0 0 14px" }}>
          Sign in to Meshery Server
        </h1>
        {(failed || !callback) && (
          <p className="alert" role="alert">
            This sign-in request is not valid: Meshery Server must send its callback address. Start the login
            again from Meshery.
          </p>
        )}
        {callback && source && (
          <>
            <p data-testid="consent-text">
              Meshery Server at <strong>{callback.host}</strong> wants to sign in as{" "}
              <strong>{profile.email}</strong>.
            </p>
            <p className="muted" style={{ fontSize: "0.9rem" }}>
              Allowing gives it a token to read and change your designs, connections and other content. Allow
              only a Meshery Server you started or trust.
            </p>
            <div className="row" style={{ marginTop: 18 }}>
              <form action={allowMesheryLogin} className="inline-form">
                <input type="hidden" name="source" value={source} />
                <input type="hidden" name="ref" value={ref} />
                <button type="submit" className="button">
                  Allow
                </button>
              </form>
              <a className="button button-quiet" href="/dashboard">
                Deny
              </a>
            </div>
          </>
        )}
      </section>
    </main>
  );
}

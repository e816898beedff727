// Personal API tokens: create one (shown once), see the others, revoke them.
import { CreateTokenForm } from "../../../components/create-token-form";
import { OrganizationSwitcher } from "../../../components/organization-switcher";
import { SignedInHeader } from "../../../components/signed-in-header";
import { TokenTable } from "../../../components/token-table";
import { listApiTokens, listPermissionKeys } from "../../../lib/identity";
import { selectedOrganization } from "../../../lib/selected-org";
import { currentOrganizations, currentProfile, firstParam, requireApiToken } from "../../../lib/signed-in";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TokensPage({ searchParams }: Props) {
  const token = await requireApiToken("/settings/tokens");
  const error = firstParam((await searchParams).error);
  const [profile, organizations] = await Promise.all([currentProfile(token), currentOrganizations(token)]);
  const organization = await selectedOrganization(organizations);
  const [tokens, permissionKeys] = organization
    ? await Promise.all([listApiTokens(token, organization.id), listPermissionKeys(token, organization.id)])
    : [[], []];
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>API tokens</h1>
        <p>
          For scripts, CI and Meshery Server: send one as <code>Authorization: Bearer &lt;token&gt;</code>. A
          token acts as you, in one organization, narrowed to the scopes you pick.
        </p>
      </header>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {organization ? (
        <>
          <section className="panel" aria-labelledby="new-token-title">
            <header className="panel-head">
              <h2 id="new-token-title">New token in {organization.name}</h2>
              <OrganizationSwitcher
                organizations={organizations}
                selectedId={organization.id}
                returnTo="/settings/tokens"
              />
            </header>
            <CreateTokenForm permissionKeys={permissionKeys} />
          </section>
          <section className="panel" aria-labelledby="tokens-title">
            <header className="panel-head">
              <h2 id="tokens-title">Your tokens</h2>
            </header>
            <TokenTable tokens={tokens} now={Date.now()} />
          </section>
        </>
      ) : (
        <p className="muted">You belong to no organization yet, so there is nowhere to create a token.</p>
      )}
    </main>
  );
}

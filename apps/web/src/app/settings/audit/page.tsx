// The selected organisation's audit log: who changed what, newest first, a page at a time going back.
import { OrganizationSwitcher } from "../../../components/organization-switcher";
import { SignedInHeader } from "../../../components/signed-in-header";
import { auditCursor, auditPagePath, listAuditEvents } from "../../../lib/audit";
import { listMembers } from "../../../lib/members";
import { loadOrgPage, readSection } from "../../../lib/organizations";
import { firstParam } from "../../../lib/signed-in";
import { AuditEventTable } from "./event-table";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const before = auditCursor(firstParam((await searchParams).before));
  const { token, profile, organizations, organization, keys } = await loadOrgPage(auditPagePath(before));
  const [events, members] = organization
    ? await Promise.all([
        readSection(
          keys.has("events:read"),
          () => listAuditEvents(token, organization.id, before),
          "Your role does not show the audit log (events:read).",
        ),
        readSection(keys.has("members:read"), () => listMembers(token, organization.id), ""),
      ])
    : [undefined, undefined];
  // Events name their actor by user id; members' emails make them readable.
  const emails = new Map(members?.ok ? members.value.map((member) => [member.userId, member.email]) : []);
  return (
    <main className="page">
      <SignedInHeader email={profile.email} />
      <header className="hero">
        <h1 style={{ fontSize: "1.8rem" }}>Audit log</h1>
        <p>
          Sign-ins, membership, role, token and resource changes in the organization, newest first. Go back to{" "}
          <a href="/settings/members">members</a>.
        </p>
      </header>
      {organization && events ? (
        <section className="panel" aria-labelledby="audit-title">
          <header className="panel-head">
            <h2 id="audit-title">
              {before ? "Earlier events" : "Latest events"} in {organization.name}
            </h2>
            <OrganizationSwitcher
              organizations={organizations}
              selectedId={organization.id}
              returnTo="/settings/audit"
            />
          </header>
          {events.ok ? (
            <>
              <AuditEventTable events={events.value.events} emails={emails} />
              <nav className="row" aria-label="Audit log pages" style={{ marginTop: 16 }}>
                {before && (
                  <a className="button button-quiet" href={auditPagePath(undefined)}>
                    ← Newest
                  </a>
                )}
                {events.value.nextBefore && (
                  <a className="button button-quiet" href={auditPagePath(events.value.nextBefore)}>
                    Older →
                  </a>
                )}
              </nav>
            </>
          ) : (
            <p className="muted">{events.message}</p>
          )}
        </section>
      ) : (
        <p className="muted">You belong to no organization yet.</p>
      )}
    </main>
  );
}

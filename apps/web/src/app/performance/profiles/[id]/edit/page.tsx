// Editing a profile: the same form as for a new one, filled in.
import "../../../performance.css";
import { notFound } from "next/navigation";
import { PerfProfileForm } from "../../../../../components/perf-profile-form";
import { SignedInHeader } from "../../../../../components/signed-in-header";
import { getProfile, isNotFound, type PerfProfile } from "../../../../../lib/performance";
import { formValuesOf } from "../../../../../lib/performance-form";
import { profilePath } from "../../../../../lib/performance-format";
import { performanceSession } from "../../../../../lib/performance-session";

export const dynamic = "force-dynamic";

export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await performanceSession(profilePath(id, "/edit"));
  if (!session.organization) notFound();
  let profile: PerfProfile;
  try {
    profile = await getProfile(session.token, session.organization.id, id);
  } catch (failure) {
    if (isNotFound(failure)) notFound();
    throw failure;
  }
  return (
    <main className="page perf-page">
      <SignedInHeader email={session.profile.email} />
      <p className="perf-crumbs">
        <a href="/performance">Performance</a> / <a href={profilePath(profile.id)}>{profile.name}</a> / Edit
      </p>
      <section className="panel" aria-labelledby="edit-title">
        <header className="panel-head">
          <h2 id="edit-title">Edit “{profile.name}”</h2>
        </header>
        <PerfProfileForm values={formValuesOf(profile)} profileId={profile.id} />
      </section>
    </main>
  );
}

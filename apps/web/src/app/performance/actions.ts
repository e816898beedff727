"use server";
// Saving, running and deleting profiles, pinning baselines and editing schedules, from the performance pages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError } from "../../lib/api-client";
import {
  createProfile,
  createSchedule,
  deleteProfile,
  deleteSchedule,
  isMissingRoute,
  pinBaseline,
  runProfile,
  updateProfile,
  updateSchedule,
} from "../../lib/performance";
import { explainCron } from "../../lib/performance-cron";
import { type FieldErrors, fieldErrorsOf, profileBodyOf, readFormValues } from "../../lib/performance-form";
import { performancePath, profilePath, resultPath } from "../../lib/performance-format";
import { performanceActionSession, withMessage } from "../../lib/performance-session";

export type ProfileFormState = { errors: FieldErrors };

/** Creates a profile, or replaces the one named by `profileId`; refusals come back beside their fields. */
export async function saveProfileAction(
  _previous: ProfileFormState,
  data: FormData,
): Promise<ProfileFormState> {
  const id = String(data.get("profileId") ?? "");
  const { token, orgId } = await performanceActionSession(id ? profilePath(id, "/edit") : performancePath);
  const parsed = profileBodyOf(readFormValues(data));
  if ("errors" in parsed) return { errors: parsed.errors };
  let savedId: string;
  try {
    const saved = id
      ? await updateProfile(token, orgId, id, parsed.body)
      : await createProfile(token, orgId, parsed.body);
    savedId = saved.id;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { errors: error.code === "BAD_REQUEST" ? fieldErrorsOf(error.message) : { form: error.message } };
  }
  revalidatePath(performancePath);
  redirect(profilePath(savedId));
}

export async function runProfileAction(data: FormData): Promise<void> {
  const id = String(data.get("profileId") ?? "");
  const page = profilePath(id);
  const { token, orgId } = await performanceActionSession(page);
  let target: string;
  try {
    const connectionIds = data.getAll("connectionIds").map(String).filter(Boolean);
    const started = await runProfile(token, orgId, id, connectionIds);
    target = `${page}?run=${encodeURIComponent(started.id)}`;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    target = withMessage(page, "error", error.message);
  }
  revalidatePath(page);
  redirect(target);
}

export async function deleteProfileAction(data: FormData): Promise<void> {
  const id = String(data.get("profileId") ?? "");
  const { token, orgId } = await performanceActionSession(profilePath(id));
  try {
    await deleteProfile(token, orgId, id);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    redirect(withMessage(profilePath(id), "error", error.message));
  }
  revalidatePath(performancePath);
  redirect(withMessage(performancePath, "notice", "The profile and its results were deleted."));
}

export async function pinBaselineAction(data: FormData): Promise<void> {
  const id = String(data.get("resultId") ?? "");
  const pinned = data.get("pinned") === "true";
  const back = String(data.get("returnTo") ?? "") || resultPath(id);
  const page = back.startsWith("/performance") ? back : resultPath(id);
  const { token, orgId } = await performanceActionSession(page);
  let message: string;
  try {
    await pinBaseline(token, orgId, id, pinned);
    message = pinned ? "Pinned as the profile's baseline." : "No longer the baseline.";
  } catch (error) {
    if (isMissingRoute(error)) {
      redirect(
        withMessage(page, "error", "Pinning a baseline is not available yet: the API has no route for it."),
      );
    }
    if (!(error instanceof ApiError)) throw error;
    redirect(withMessage(page, "error", error.message));
  }
  revalidatePath(page);
  redirect(withMessage(page, "notice", message));
}

export async function saveScheduleAction(data: FormData): Promise<void> {
  const profileId = String(data.get("profileId") ?? "");
  const scheduleId = String(data.get("scheduleId") ?? "");
  const page = profilePath(profileId);
  const { token, orgId } = await performanceActionSession(page);
  const cronExpression = String(data.get("cronExpression") ?? "").trim();
  const explained = explainCron(cronExpression, new Date(), 1);
  if ("error" in explained) redirect(`${withMessage(page, "error", explained.error)}#schedule`);
  // None ticked: the schedule runs from this machine, where the API can (it answers 422 where it cannot).
  const connectionIds = data.getAll("connectionIds").map(String).filter(Boolean);
  const fields = { profileId, cronExpression, enabled: data.get("enabled") === "on", connectionIds };
  try {
    if (scheduleId) await updateSchedule(token, orgId, scheduleId, fields);
    else await createSchedule(token, orgId, fields);
  } catch (error) {
    if (isMissingRoute(error)) {
      redirect(
        `${withMessage(page, "error", "Schedules are not available yet: the API has no route for them.")}#schedule`,
      );
    }
    if (!(error instanceof ApiError)) throw error;
    redirect(`${withMessage(page, "error", error.message)}#schedule`);
  }
  revalidatePath(page);
  redirect(
    `${withMessage(page, "notice", fields.enabled ? "Schedule saved and enabled." : "Schedule saved, disabled.")}#schedule`,
  );
}

export async function deleteScheduleAction(data: FormData): Promise<void> {
  const profileId = String(data.get("profileId") ?? "");
  const page = profilePath(profileId);
  const { token, orgId } = await performanceActionSession(page);
  try {
    await deleteSchedule(token, orgId, String(data.get("scheduleId") ?? ""));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    redirect(`${withMessage(page, "error", error.message)}#schedule`);
  }
  revalidatePath(page);
  redirect(`${withMessage(page, "notice", "Schedule deleted.")}#schedule`);
}

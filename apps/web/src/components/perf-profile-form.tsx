"use client";
// The profile form, for a new profile and for editing one. The API's validation errors come back beside the
// field they are about; the form keeps what was typed (it is submitted by hand, so React does not reset it).
import { startTransition, useActionState, useState } from "react";
import { type ProfileFormState, saveProfileAction } from "../app/performance/actions";
import type { ProfileFieldName, ProfileFormValues } from "../lib/performance-form";

type Props = { values: ProfileFormValues; profileId?: string };

export function PerfProfileForm({ values, profileId }: Props) {
  const [state, formAction, pending] = useActionState<ProfileFormState, FormData>(saveProfileAction, {
    errors: {},
  });
  const [model, setModel] = useState(values.model);
  const errors = state.errors;
  // The error sits outside the label, so it describes the control without becoming part of its name.
  const described = (field: ProfileFieldName) => ({
    id: `profile-${field}`,
    ...(errors[field]
      ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` }
      : { "aria-invalid": false as const }),
  });
  const problem = (field: ProfileFieldName) =>
    errors[field] ? (
      <small className="field-error" id={`${field}-error`} data-testid={`${field}-error`}>
        {errors[field]}
      </small>
    ) : null;
  const caption = (field: ProfileFieldName, text: string, hint?: string) => (
    <label htmlFor={`profile-${field}`}>
      {text}
      {hint && <small> {hint}</small>}
    </label>
  );
  return (
    <form
      className="stack perf-form"
      aria-label={profileId ? "Edit the profile" : "Create a profile"}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {profileId && <input type="hidden" name="profileId" value={profileId} />}
      {errors.form && (
        <p className="alert" role="alert" data-testid="form-error">
          {errors.form}
        </p>
      )}
      <div className="perf-form-grid">
        <div className="field">
          {caption("name", "Name")}
          <input name="name" defaultValue={values.name} maxLength={200} {...described("name")} />
          {problem("name")}
        </div>
        <div className="field">
          {caption("duration", "Duration", "such as 30s, 2m or 1h30m")}
          <input name="duration" defaultValue={values.duration} {...described("duration")} />
          {problem("duration")}
        </div>
        <div className="field perf-form-wide">
          {caption("endpoints", "Endpoints", "one http:// or https:// URL per line; runs load the first")}
          <textarea
            name="endpoints"
            rows={2}
            defaultValue={values.endpoints}
            spellCheck={false}
            {...described("endpoints")}
          />
          {problem("endpoints")}
        </div>
      </div>
      <fieldset className="perf-models">
        <legend>Load model</legend>
        <label>
          <input
            type="radio"
            name="model"
            value="closed"
            checked={model === "closed"}
            onChange={() => setModel("closed")}
          />{" "}
          Closed: each connection sends its next request as soon as the last is answered
        </label>
        <label>
          <input
            type="radio"
            name="model"
            value="open"
            checked={model === "open"}
            onChange={() => setModel("open")}
          />{" "}
          Open: a constant rate, latency timed from when each request was due
        </label>
      </fieldset>
      <div className="perf-form-grid">
        <div className="field">
          {caption("concurrentRequest", "Connections")}
          <input
            name="concurrentRequest"
            inputMode="numeric"
            defaultValue={values.concurrentRequest}
            {...described("concurrentRequest")}
          />
          {problem("concurrentRequest")}
        </div>
        <div className="field">
          {caption("qps", "Rate", "requests per second, open model only")}
          <input
            name="qps"
            inputMode="numeric"
            defaultValue={values.qps}
            disabled={model !== "open"}
            placeholder={model === "open" ? "100" : "as fast as possible"}
            {...described("qps")}
          />
          {problem("qps")}
        </div>
      </div>
      <div className="perf-form-grid">
        <div className="field">
          {caption("requestHeaders", "Headers", 'one "Name: value" per line')}
          <textarea
            name="requestHeaders"
            rows={3}
            defaultValue={values.requestHeaders}
            spellCheck={false}
            {...described("requestHeaders")}
          />
          {problem("requestHeaders")}
        </div>
        <div className="field">
          {caption("thresholds", "Thresholds", "one per line: p(99)<250, avg<100, error_rate<0.01, rps>500")}
          <textarea
            name="thresholds"
            rows={3}
            defaultValue={values.thresholds}
            spellCheck={false}
            {...described("thresholds")}
          />
          {problem("thresholds")}
        </div>
        <div className="field">
          {caption("requestBody", "Body", "sent with POST; empty sends GET")}
          <textarea
            name="requestBody"
            rows={3}
            defaultValue={values.requestBody}
            spellCheck={false}
            {...described("requestBody")}
          />
          {problem("requestBody")}
        </div>
        <div className="field">
          {caption("contentType", "Content type")}
          <input
            name="contentType"
            defaultValue={values.contentType}
            placeholder="application/json"
            {...described("contentType")}
          />
          {problem("contentType")}
        </div>
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : profileId ? "Save the profile" : "Create the profile"}
        </button>
      </div>
    </form>
  );
}

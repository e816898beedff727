"use client";
// The import form: a file read in the browser or pasted text, which profile it belongs to, and the API's
// refusal shown in place with the text kept (the form is submitted by hand, so React does not reset it).
import { startTransition, useActionState, useState } from "react";
import { type ImportResultState, importResultAction } from "../app/performance/import/actions";

type Props = { profiles: { id: string; name: string }[] };

export function PerfImportForm({ profiles }: Props) {
  const [state, formAction, pending] = useActionState<ImportResultState, FormData>(importResultAction, {});
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  return (
    <form
      className="stack perf-form"
      aria-label="Import a result"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {state.error && (
        <p className="alert" role="alert" data-testid="import-error">
          {state.error}
        </p>
      )}
      <div className="perf-form-grid">
        <label className="field">
          File <small>JSON or YAML, up to 1 MB</small>
          <input
            type="file"
            accept=".json,.yaml,.yml,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setFileError(null);
              if (!file) return;
              if (file.size > 1_000_000) {
                setFileError("That file is over 1 MB, more than the API takes.");
                return;
              }
              file.text().then(setText, () => setFileError("The file could not be read."));
            }}
          />
          {fileError && <small className="field-error">{fileError}</small>}
        </label>
        <label className="field">
          Format
          <select name="format" defaultValue="">
            <option value="">Recognise it</option>
            <option value="fortio">Fortio (Meshery's runner results)</option>
            <option value="smp">Service Mesh Performance</option>
          </select>
        </label>
        <label className="field">
          Profile
          <select name="profileId" defaultValue="">
            <option value="">A new one, from the document</option>
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Name <small>optional</small>
          <input name="name" maxLength={200} />
        </label>
        {/* Labelled by id, not wrapped: a wrapping label would put the pasted text into the field's name. */}
        <div className="field perf-form-wide">
          <label htmlFor="import-data">Result</label>
          <textarea
            id="import-data"
            name="data"
            rows={12}
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            placeholder='{"RunType": "HTTP", "DurationHistogram": {…}, …}'
          />
        </div>
      </div>
      <div>
        <button type="submit" className="button" disabled={pending || !text.trim()}>
          {pending ? "Importing…" : "Import"}
        </button>
      </div>
    </form>
  );
}

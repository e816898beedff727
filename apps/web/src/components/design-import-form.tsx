"use client";
// The import form: a file read in the browser, pasted text, or a URL; the API's errors and warnings shown in place.
import { startTransition, useActionState, useState } from "react";
import { type ImportDesignState, importDesignAction } from "../app/designs/import/actions";
import { type ReadFile, readFileForImport } from "../lib/designs-import-file";
import type { Workspace } from "../lib/workspaces";
import { ImportOutcome } from "./design-import-outcome";

type Mode = "file" | "paste" | "url";

const modes: { value: Mode; label: string }[] = [
  { value: "file", label: "Upload a file" },
  { value: "paste", label: "Paste text" },
  { value: "url", label: "From a URL" },
];

export function DesignImportForm({ workspaces }: { workspaces: Workspace[] }) {
  const [state, formAction, pending] = useActionState<ImportDesignState, FormData>(importDesignAction, {
    status: "idle",
  });
  const [mode, setMode] = useState<Mode>("file");
  const [file, setFile] = useState<ReadFile | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  return (
    <div className="stack">
      <ImportOutcome state={state} />
      {/* Submitted by hand, not through the action prop: React resets an action form after each
          submission, which would throw away a long pasted text when the API refuses it. */}
      <form
        className="stack design-import"
        aria-label="Import a design"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
      >
        <input type="hidden" name="mode" value={mode} />
        <fieldset className="design-import-modes">
          <legend>Source</legend>
          {modes.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name="source-choice"
                value={option.value}
                checked={mode === option.value}
                onChange={() => setMode(option.value)}
              />{" "}
              {option.label}
            </label>
          ))}
        </fieldset>
        {mode === "file" && (
          <label className="field">
            File
            <input
              type="file"
              accept=".yaml,.yml,.json,.tgz,.tar.gz,.tar"
              onChange={(event) => {
                const chosen = event.currentTarget.files?.[0];
                setFile(undefined);
                setFileError(undefined);
                if (chosen)
                  readFileForImport(chosen).then(setFile, (error: unknown) =>
                    setFileError(error instanceof Error ? error.message : "The file could not be read"),
                  );
              }}
            />
            <small>A Meshery design, Kubernetes manifests or a Docker Compose file; archives as .tgz.</small>
            {file && <input type="hidden" name="filename" value={file.filename} />}
            {file && "content" in file && <input type="hidden" name="content" value={file.content} />}
            {file && "contentBase64" in file && (
              <input type="hidden" name="contentBase64" value={file.contentBase64} />
            )}
          </label>
        )}
        {fileError && (
          <p className="alert" role="alert">
            {fileError}
          </p>
        )}
        {mode === "paste" && (
          <label className="field">
            Design, manifests or Compose file
            <textarea
              name="content"
              rows={14}
              spellCheck={false}
              className="design-import-text"
              placeholder={"apiVersion: apps/v1\nkind: Deployment\n…"}
            />
          </label>
        )}
        {mode === "url" && (
          <label className="field">
            URL
            <input name="url" type="url" placeholder="https://raw.githubusercontent.com/…/app.yaml" />
            <small>
              Fetched by the API from a public address; private and loopback addresses are refused.
            </small>
          </label>
        )}
        <div className="row">
          <label className="field">
            Name <small>optional: taken from the source when left empty</small>
            <input name="name" maxLength={255} placeholder="shop" />
          </label>
          {workspaces.length > 0 && (
            <label className="field">
              Workspace
              <select name="workspaceId" defaultValue="">
                <option value="">None</option>
                {workspaces.map((workspace) => (
                  <option key={workspace.id} value={workspace.id}>
                    {workspace.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <div>
          <button type="submit" className="button" disabled={pending || (mode === "file" && !file)}>
            {pending ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
    </div>
  );
}

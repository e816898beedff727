"use client";
// The catalog fields (type, technology, description, caveats), to request publication or edit a published entry.
import { useActionState } from "react";
import {
  type CatalogFieldsState,
  editEntryAction,
  requestPublicationAction,
} from "../app/designs/[id]/publish/actions";
// Types only: the library reaches the API from the server and must stay out of the browser's bundle.
import type { CatalogFieldName, CatalogFields } from "../lib/catalog-review";

/** Meshery's catalog types, the only ones the API accepts. */
const catalogTypes = [
  "Deployment",
  "Observability",
  "Resiliency",
  "Scaling",
  "Security",
  "Traffic-management",
  "Troubleshooting",
  "Workloads",
] as const;

type Props = {
  mode: "request" | "edit";
  designId: string;
  entryId?: string;
  initial: CatalogFields;
  submitLabel: string;
};

export function CatalogFieldsForm({ mode, designId, entryId, initial, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState<CatalogFieldsState, FormData>(
    mode === "edit" ? editEntryAction : requestPublicationAction,
    { status: "idle" },
  );
  const values = state.status === "error" ? state.values : initial;
  const errors = state.status === "error" ? state.errors : {};
  const idOf = (field: CatalogFieldName) => `${mode}-${field}`;
  // Each field names its error, so a screen reader hears it with the field.
  const described = (field: CatalogFieldName) =>
    errors[field] ? { "aria-invalid": true, "aria-describedby": `${idOf(field)}-error` } : {};
  const fieldError = (field: CatalogFieldName) =>
    errors[field] && (
      <small id={`${idOf(field)}-error`} className="catalog-field-error" role="alert">
        {errors[field]}
      </small>
    );
  // A refused submission re-renders the form with what was typed: the key makes React take the new defaults.
  const key = state.status === "error" ? JSON.stringify(values) : "initial";
  return (
    <form
      key={key}
      action={formAction}
      className="stack catalog-form"
      aria-label={mode === "edit" ? "Edit the catalog fields" : "Request publication"}
    >
      <input type="hidden" name="designId" value={designId} />
      {entryId && <input type="hidden" name="entryId" value={entryId} />}
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div className="row">
        <label className="field">
          Type
          <select name="type" defaultValue={values.type || "Deployment"} {...described("type")}>
            {catalogTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
          {fieldError("type")}
        </label>
        <label className="field">
          Technology
          <input name="technology" required defaultValue={values.technology} {...described("technology")} />
          {fieldError("technology")}
        </label>
      </div>
      <label className="field">
        Description
        <textarea name="info" rows={4} defaultValue={values.info} {...described("info")} />
        {fieldError("info")}
      </label>
      <label className="field">
        Caveats
        <textarea name="caveats" rows={3} defaultValue={values.caveats} {...described("caveats")} />
        {fieldError("caveats")}
      </label>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Sending…" : submitLabel}
        </button>
      </div>
    </form>
  );
}

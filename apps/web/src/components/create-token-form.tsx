"use client";
// The form that creates an API token and shows its plaintext once, with a button to copy it.
import { useActionState, useState } from "react";
import { type CreateTokenState, createTokenAction } from "../app/settings/tokens/actions";

const expiries = [
  { value: "30", label: "30 days" },
  { value: "7", label: "7 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "", label: "Never" },
];

export function CreateTokenForm({ permissionKeys }: { permissionKeys: string[] }) {
  const [state, formAction, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, {
    status: "idle",
  });
  return (
    <div className="stack">
      {state.status === "created" && <NewTokenNotice name={state.name} token={state.token} />}
      {state.status === "error" && (
        <p className="alert" role="alert">
          {state.message}
        </p>
      )}
      <form action={formAction} className="stack" aria-label="Create an API token">
        <div className="row">
          <label className="field">
            Name
            <input name="name" required maxLength={80} placeholder="ci-deploy" />
          </label>
          <label className="field">
            Expires after
            <select name="expiresInDays" defaultValue="30">
              {expiries.map((expiry) => (
                <option key={expiry.label} value={expiry.value}>
                  {expiry.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {permissionKeys.length > 0 && (
          <fieldset className="checks">
            <legend>Scopes (none ticked: everything you may do)</legend>
            {permissionKeys.map((key) => (
              <label key={key}>
                <input type="checkbox" name="scopes" value={key} /> {key}
              </label>
            ))}
          </fieldset>
        )}
        <div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Creating…" : "Create token"}
          </button>
        </div>
      </form>
    </div>
  );
}

function NewTokenNotice({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="alert alert-ok" role="status">
      <strong>Token “{name}” created.</strong> Copy it now: it will not be shown again.
      <div className="secret">
        <code data-testid="new-token">{token}</code>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            void navigator.clipboard.writeText(token).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

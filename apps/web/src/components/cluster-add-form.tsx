"use client";
// "Add cluster": makes a single-use bootstrap token and shows it, once, inside the install commands.
import { useActionState, useState } from "react";
import { type AddClusterState, addClusterAction } from "../app/clusters/actions";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function ClusterAddForm() {
  const [state, formAction, pending] = useActionState<AddClusterState, FormData>(addClusterAction, {
    status: "idle",
  });
  return (
    <div className="stack">
      {state.status === "error" && (
        <p className="alert" role="alert">
          {state.message}
        </p>
      )}
      {state.status === "created" ? (
        <InstallInstructions state={state} />
      ) : (
        <form action={formAction} className="stack" aria-label="Add a cluster">
          <label className="field">
            Cluster name (optional)
            <input name="name" maxLength={200} placeholder="production-eu" />
          </label>
          <div>
            <button type="submit" className="button" disabled={pending}>
              {pending ? "Creating a token…" : "Add cluster"}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function InstallInstructions({ state }: { state: Extract<AddClusterState, { status: "created" }> }) {
  return (
    <div className="stack" data-testid="install-instructions">
      <div className="alert alert-ok" role="status">
        <strong>Bootstrap token created.</strong> It is shown only now, works once, and expires at{" "}
        <time dateTime={state.expiresAt} data-testid="token-expiry">
          {when.format(new Date(state.expiresAt))} UTC
        </time>
        . Run one of these commands in the cluster within the hour.
        <CopyLine label="token" text={state.token} testId="bootstrap-token" />
      </div>
      <h3 style={{ margin: 0 }}>With Helm</h3>
      <CopyBlock text={state.helm} testId="install-helm" />
      <h3 style={{ margin: 0 }}>With kubectl and the plain manifest</h3>
      <CopyBlock text={state.kubectl} testId="install-kubectl" />
      <p className="muted" style={{ margin: 0 }}>
        The agent trades the token for its own credential on first start, registers the cluster, and appears
        above as connected. Reload this page to make another token.
      </p>
    </div>
  );
}

function useCopy(text: string): [boolean, () => void] {
  const [copied, setCopied] = useState(false);
  return [
    copied,
    () => {
      void navigator.clipboard.writeText(text).then(() => setCopied(true));
    },
  ];
}

function CopyLine({ label, text, testId }: { label: string; text: string; testId: string }) {
  const [copied, copy] = useCopy(text);
  return (
    <div className="secret">
      <code data-testid={testId}>{text}</code>
      <button type="button" className="button button-quiet" onClick={copy} aria-label={`Copy the ${label}`}>
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

function CopyBlock({ text, testId }: { text: string; testId: string }) {
  const [copied, copy] = useCopy(text);
  return (
    <div className="install-command">
      <pre data-testid={testId}>{text}</pre>
      <button type="button" className="button button-quiet" onClick={copy}>
        {copied ? "Copied" : "Copy"}
      </button>
    </div>
  );
}

"use client";
// The Run button: runs the profile from this machine, or, with clusters ticked, through their agents.
import { useFormStatus } from "react-dom";
import { runProfileAction } from "../app/performance/actions";
import type { AgentConnection } from "../lib/performance";

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button perf-run" disabled={pending}>
      {pending ? "Starting…" : "Run"}
    </button>
  );
}

export function PerfRunButton({
  profileId,
  connections,
}: {
  profileId: string;
  connections: AgentConnection[];
}) {
  return (
    <form action={runProfileAction} className="perf-run-form" aria-label="Run the profile">
      <input type="hidden" name="profileId" value={profileId} />
      {connections.length > 0 && (
        <details className="perf-run-where">
          <summary>In-cluster…</summary>
          <fieldset className="checks">
            <legend>Run through these clusters' agents (none ticked: from this machine)</legend>
            {connections.map((connection) => (
              <label key={connection.id}>
                <input type="checkbox" name="connectionIds" value={connection.id} /> {connection.name}
              </label>
            ))}
          </fieldset>
        </details>
      )}
      <Submit />
    </form>
  );
}

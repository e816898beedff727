"use client";
// Deploy a design: pick a connected cluster, dry run or deploy, then follow the job until the agent reports
// what happened to each object (conflicts and the API server's causes included).
import "../app/clusters/clusters.css";
import { useEffect, useRef, useState } from "react";
import {
  type DeployTarget,
  followDesignJobAction,
  listDeployTargetsAction,
  startDesignJobAction,
} from "../app/clusters/deploy-actions";
import type { ClusterJob } from "../lib/clusters";
import { jobKindLabels, objectReportsOf, outcomeLabels, outcomeOf } from "../lib/clusters-format";
import { ClusterObjectResults } from "./cluster-object-results";
import { ClusterState } from "./cluster-state";

type Kind = "dryRun" | "deploy" | "undeploy";
const POLL_MS = 1_500;
const stages = [
  { status: "queued", label: "Queued for the agent" },
  { status: "delivered", label: "Picked up" },
  { status: "acknowledged", label: "Applying" },
  { status: "finished", label: "Reported" },
] as const;

export function DeployDialog({
  designId,
  designName,
  openOnLoad = false,
}: {
  designId: string;
  designName: string;
  /** Open at once: the catalog's "Clone and deploy" lands here with the dialog up. */
  openOnLoad?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [targets, setTargets] = useState<DeployTarget[] | null>(null);
  const [connectionId, setConnectionId] = useState("");
  const [kind, setKind] = useState<Kind>("dryRun");
  const [job, setJob] = useState<ClusterJob | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    dialog.current?.showModal();
    setProblem(null);
    const answer = await listDeployTargetsAction();
    if (!answer.ok) {
      setProblem(answer.message);
      return;
    }
    setTargets(answer.value);
    const first = answer.value.find((target) => target.status === "connected");
    if (first && !connectionId) setConnectionId(first.connectionId);
  }

  async function start() {
    setBusy(true);
    setProblem(null);
    const answer = await startDesignJobAction({ designId, connectionId, kind });
    setBusy(false);
    if (answer.ok) setJob(answer.value);
    else setProblem(answer.message);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: opens once, when the page arrives asking for it.
  useEffect(() => {
    if (openOnLoad) void open();
  }, [openOnLoad]);

  const finished = job !== null && (job.status === "succeeded" || job.status === "failed");
  const jobId = job?.id;
  useEffect(() => {
    if (!jobId || finished) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const answer = await followDesignJobAction(jobId);
        if (stopped) return;
        if (answer.ok) {
          setJob(answer.value);
          setProblem(null);
        } else setProblem(answer.message);
      } catch {
        if (!stopped) setProblem("Lost touch with the server; still trying.");
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, finished]);

  const connected = (targets ?? []).filter((target) => target.status === "connected");
  return (
    <>
      <button type="button" className="button" onClick={() => void open()} data-testid="open-deploy">
        Deploy…
      </button>
      <dialog ref={dialog} className="deploy-dialog" aria-labelledby="deploy-title">
        <header className="panel-head">
          <h2 id="deploy-title">Deploy “{designName}”</h2>
          <button type="button" className="button button-quiet" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </header>
        {problem && (
          <p className="alert" role="alert">
            {problem}
          </p>
        )}
        {job ? (
          <JobProgress job={job} onAgain={() => setJob(null)} />
        ) : targets === null ? (
          !problem && <p className="muted">Looking for your clusters…</p>
        ) : connected.length === 0 ? (
          <p className="muted" data-testid="no-clusters">
            No connected cluster to deploy to.{" "}
            {targets.length > 0
              ? `Your clusters are ${targets.map((t) => `${t.name} (${t.status})`).join(", ")}.`
              : "Add one on the clusters page."}{" "}
            <a href="/clusters">Go to clusters</a>
          </p>
        ) : (
          <form
            className="stack"
            onSubmit={(event) => {
              event.preventDefault();
              void start();
            }}
          >
            <label className="field">
              Cluster
              <select value={connectionId} onChange={(event) => setConnectionId(event.target.value)} required>
                {(targets ?? []).map((target) => (
                  <option
                    key={target.connectionId}
                    value={target.connectionId}
                    disabled={target.status !== "connected"}
                  >
                    {target.name}
                    {target.status === "connected" ? "" : ` (${target.status})`}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="checks">
              <legend>What to do</legend>
              {(["dryRun", "deploy", "undeploy"] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="kind"
                    value={value}
                    checked={kind === value}
                    onChange={() => setKind(value)}
                  />{" "}
                  {value === "dryRun"
                    ? "Dry run: show what would change, apply nothing"
                    : value === "deploy"
                      ? "Deploy: apply the design (server-side apply) and prune what it dropped"
                      : "Undeploy: delete what this design applied, in reverse order"}
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" className="button" disabled={busy || !connectionId}>
                {busy ? "Starting…" : jobKindLabels[kind]}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}

function JobProgress({ job, onAgain }: { job: ClusterJob; onAgain: () => void }) {
  const outcome = outcomeOf(job);
  const reached =
    outcome === "waiting" ? stages.findIndex((stage) => stage.status === job.status) : stages.length - 1;
  return (
    <div className="stack" data-testid="deploy-progress" data-outcome={outcome}>
      <ol className="deploy-stages">
        {stages.map((stage, index) => (
          <li key={stage.status} data-done={index <= reached}>
            {index <= reached ? "●" : "○"} {stage.label}
          </li>
        ))}
      </ol>
      <p>
        {jobKindLabels[job.kind] ?? job.kind}:{" "}
        <ClusterState state={outcome} label={outcome === "waiting" ? job.status : outcomeLabels[outcome]} />
      </p>
      {outcome === "waiting" && (
        <p className="muted">
          The agent reports every object at once when it has finished; this view updates by itself.
        </p>
      )}
      {job.error && (
        <p className={outcome === "timedOut" ? "alert" : "muted"} style={{ whiteSpace: "pre-wrap" }}>
          {job.error}
        </p>
      )}
      {outcome !== "waiting" && outcome !== "timedOut" && (
        <ClusterObjectResults reports={objectReportsOf(job.result)} />
      )}
      {outcome !== "waiting" && (
        <div>
          <button type="button" className="button button-quiet" onClick={onAgain}>
            Run another
          </button>
        </div>
      )}
    </div>
  );
}

// A cluster's recent jobs: what was asked, when, and how it ended (including timeouts and the reason).
import type { ClusterJob } from "../lib/clusters";
import { jobKindLabels, objectReportsOf, outcomeLabels, outcomeOf, timeAgo } from "../lib/clusters-format";
import { ClusterObjectResults } from "./cluster-object-results";
import { ClusterState } from "./cluster-state";

export function ClusterJobs({ jobs, now }: { jobs: ClusterJob[]; now: number }) {
  if (jobs.length === 0)
    return <p className="muted">No jobs yet. Deploy a design from its page to start one.</p>;
  return (
    <div className="stack">
      {jobs.map((job) => {
        const outcome = outcomeOf(job);
        const reports = objectReportsOf(job.result);
        return (
          <details key={job.id} className="card" data-testid="cluster-job" data-outcome={outcome}>
            <summary>
              <strong>{jobKindLabels[job.kind] ?? job.kind}</strong>{" "}
              {job.designId && <a href={`/designs/${job.designId}`}>design</a>}{" "}
              <ClusterState
                state={outcome}
                label={outcome === "waiting" ? job.status : outcomeLabels[outcome]}
              />{" "}
              <span className="muted" title={job.createdAt}>
                {timeAgo(job.createdAt, now)}
              </span>
            </summary>
            {job.error && (
              <p className={outcome === "timedOut" ? "alert" : "muted"} style={{ whiteSpace: "pre-wrap" }}>
                {job.error}
              </p>
            )}
            {reports.length > 0 && <ClusterObjectResults reports={reports} />}
          </details>
        );
      })}
    </div>
  );
}

// Client-safe parts of the clusters pages: install commands, "x ago", and reading an agent's job reports.
import { z } from "zod";

type JobLike = { status: string; result: unknown };

export const AGENT_CHART = "oci://ghcr.io/meshplane/charts/meshplane-agent";
/** The API serves the plain manifest already pointed at itself; only the token is left to fill in. */
export const agentManifestUrl = (apiUrl: string) =>
  `${apiUrl.replace(/\/+$/, "")}/api/agents/install/manifest.yaml`;

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;
// Inside a sed replacement with | as the delimiter, these three characters mean something.
const sedLiteral = (value: string) => value.replace(/[|&\\]/g, (c) => `\\${c}`);

/** The two ways to install: the Helm chart, or the plain manifest with the blanks filled in by sed. */
export function installCommands(params: { apiUrl: string; token: string }): {
  helm: string;
  kubectl: string;
} {
  const helm = [
    `helm install meshplane-agent ${AGENT_CHART}`,
    "--namespace meshplane-agent --create-namespace",
    `--set meshplane.url=${shellQuote(params.apiUrl)}`,
    `--set bootstrapToken=${shellQuote(params.token)}`,
  ].join(" \\\n  ");
  const kubectl = [
    `curl -fsSL ${shellQuote(agentManifestUrl(params.apiUrl))}`,
    `sed -e ${shellQuote(`s|REPLACE_WITH_BOOTSTRAP_TOKEN|${sedLiteral(params.token)}|`)}`,
    "kubectl apply -f -",
  ].join(" \\\n  | ");
  return { helm, kubectl };
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", "2 days ago"; "never" without a time. */
export function timeAgo(iso: string | null, now: number = Date.now()): string {
  if (!iso) return "never";
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds)) return "unknown";
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86_400);
  return `${days} day${days === 1 ? "" : "s"} ago`;
}

/** One object of an agent's report: what it did to it, and why not when it could not. */
export type ObjectReport = {
  kind: string;
  namespace: string;
  name: string;
  action: string;
  health: string | null;
  error: {
    reason: string;
    message: string;
    causes: { field?: string; message?: string; reason?: string }[];
  } | null;
  changes: number | null;
};

const reportSchema = z.looseObject({
  kind: z.string().catch("?"),
  namespace: z.string().optional().catch(undefined),
  name: z.string().catch("?"),
  action: z.string().catch("unknown"),
  health: z.string().optional().catch(undefined),
  error: z
    .looseObject({
      reason: z.string().catch(""),
      message: z.string().catch(""),
      causes: z
        .array(
          z.looseObject({
            field: z.string().optional().catch(undefined),
            message: z.string().optional().catch(undefined),
            reason: z.string().optional().catch(undefined),
          }),
        )
        .catch([]),
    })
    .optional()
    .catch(undefined),
  changes: z.array(z.unknown()).optional().catch(undefined),
});

/** The per-object part of a job's result; anything unreadable is left out rather than trusted. */
export function objectReportsOf(result: unknown): ObjectReport[] {
  if (!result || typeof result !== "object" || !("objects" in result)) return [];
  const objects = (result as { objects: unknown }).objects;
  if (!Array.isArray(objects)) return [];
  return objects.flatMap((object) => {
    const parsed = reportSchema.safeParse(object);
    if (!parsed.success) return [];
    const { kind, namespace, name, action, health, error, changes } = parsed.data;
    return [
      {
        kind,
        namespace: namespace ?? "",
        name,
        action,
        health: health ?? null,
        error: error ? { reason: error.reason, message: error.message, causes: error.causes } : null,
        changes: changes ? changes.length : null,
      },
    ];
  });
}

export type JobOutcome = "waiting" | "succeeded" | "failed" | "timedOut";

export function outcomeOf(job: JobLike): JobOutcome {
  if (job.status === "succeeded") return "succeeded";
  if (job.status !== "failed") return "waiting";
  const result = job.result as { timedOut?: unknown } | null;
  return result && result.timedOut === true ? "timedOut" : "failed";
}

export const outcomeLabels: Record<JobOutcome, string> = {
  waiting: "in progress",
  succeeded: "succeeded",
  failed: "failed",
  timedOut: "timed out",
};

export const jobKindLabels: Record<string, string> = {
  deploy: "Deploy",
  undeploy: "Undeploy",
  dryRun: "Dry run",
};

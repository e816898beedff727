// The common shape every importer produces: what the document measured, the profile it implies, and the
// precision it lost on the way in.
import { Histogram } from "@meshplane/loadgen";

export type ImportFormat = "smp" | "fortio";

export type Imported = {
  format: ImportFormat;
  name: string | null;
  startedAt: Date | null;
  durationMs: number | null;
  /** Responses, exact when the format counts them, else estimated (and said so in `notes`). */
  requests: number;
  rps: number;
  errorRate: number | null;
  latency: Record<string, number>;
  histogram: Histogram | null;
  statusCodes: Record<string, number>;
  errors: Record<string, number>;
  /** What a profile for this result would hold, when the document says. */
  profile: {
    endpoint: string | null;
    connections: number | null;
    qps: number | null;
    duration: string | null;
  };
  notes: string[];
};

/** The error an importer throws for a document it cannot take; the route answers 400 with its message. */
export class ImportError extends Error {
  override name = "ImportError";
}

export { Histogram };

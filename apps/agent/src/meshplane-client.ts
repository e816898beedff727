// Owns the agent's calls to the Meshplane API: registration, rotation, job polling, acks, results, heartbeats.
import type { Transport } from "./meshplane-transport";

export interface ClusterFacts {
  kubeSystemUid: string;
  kubernetesVersion: string;
  nodeCount: number;
  agentVersion: string;
}

export interface AgentCredential {
  agentId: string;
  organizationId: string;
  connectionId: string;
  credential: string;
  credentialExpiresAt: string;
}

export interface AgentJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface JobOutcome {
  status: "succeeded" | "failed";
  result: unknown;
  error: string | null;
}

/** The API's error envelope as an exception; `status` 0 means the request never got an answer. */
export class MeshplaneApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "MeshplaneApiError";
  }

  /** Worth retrying: no answer, overload, or a server error. A 4xx will answer the same again. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

const REQUEST_TIMEOUT_MS = 15_000;

export function createMeshplaneClient(baseUrl: string, transport: Transport) {
  let credential: string | undefined;

  async function call<T>(
    method: string,
    path: string,
    options: { body?: unknown; timeoutMs?: number; signal?: AbortSignal; auth?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.auth !== false) {
      if (!credential) throw new MeshplaneApiError(401, "UNAUTHORIZED", "the agent has no credential yet");
      headers.authorization = `Bearer ${credential}`;
    }
    let response: Awaited<ReturnType<Transport["request"]>>;
    try {
      response = await transport.request(new URL(path, baseUrl), {
        method,
        headers,
        body: options.body,
        timeoutMs: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      throw new MeshplaneApiError(0, "UNREACHABLE", error instanceof Error ? error.message : String(error));
    }
    if (response.status >= 200 && response.status < 300) return response.body as T;
    const envelope = response.body as { error?: { code?: string; message?: string } } | undefined;
    throw new MeshplaneApiError(
      response.status,
      envelope?.error?.code ?? "HTTP_ERROR",
      envelope?.error?.message ?? `HTTP ${response.status}`,
    );
  }

  return {
    useCredential(value: string) {
      credential = value;
    },
    register(bootstrapToken: string, facts: ClusterFacts) {
      return call<AgentCredential>("POST", "/api/agents/register", {
        body: { bootstrapToken, ...facts },
        auth: false,
      });
    },
    rotateCredential() {
      return call<AgentCredential>("POST", "/api/agents/credentials/rotate", { body: {} });
    },
    pollJobs(waitSeconds: number, signal?: AbortSignal) {
      // The request outlives the server's hold by a margin, so a slow answer is not taken for a dead link.
      return call<{ jobs: AgentJob[]; nextPollSeconds: number }>(
        "GET",
        `/api/agents/jobs?wait=${waitSeconds}`,
        {
          timeoutMs: waitSeconds * 1000 + REQUEST_TIMEOUT_MS,
          ...(signal ? { signal } : {}),
        },
      );
    },
    acknowledge(jobId: string) {
      return call<{ status: string }>("POST", `/api/agents/jobs/${encodeURIComponent(jobId)}/ack`, {
        body: {},
      });
    },
    reportResult(jobId: string, outcome: JobOutcome) {
      return call<{ changed: boolean }>("POST", `/api/agents/jobs/${encodeURIComponent(jobId)}/result`, {
        body: outcome,
      });
    },
    /** A running load test's latest seconds; `accepted` false means the run has finished. */
    reportProgress(jobId: string, seconds: unknown[]) {
      return call<{ accepted: boolean }>("POST", `/api/agents/jobs/${encodeURIComponent(jobId)}/progress`, {
        body: { seconds },
      });
    },
    heartbeat(body: { agentVersion: string; nodeCount?: number; kubernetesVersion?: string }) {
      return call<{ status: string; nextHeartbeatSeconds: number }>("POST", "/api/agents/heartbeat", {
        body,
      });
    },
  };
}

export type MeshplaneClient = ReturnType<typeof createMeshplaneClient>;

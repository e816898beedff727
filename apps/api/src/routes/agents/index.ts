// Mounts the agent channel: bootstrap tokens and registration, credential rotation, jobs and heartbeats.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { registerCreateBootstrapToken } from "./bootstrap-token-create";
import { registerRotateAgentCredential } from "./credentials-rotate";
import { registerAgentHeartbeat } from "./heartbeat";
import { registerAcknowledgeAgentJob } from "./job-ack";
import { registerReportAgentJobResult } from "./job-result";
import { registerPollAgentJobs } from "./jobs-poll";
import { registerAgentRegistration } from "./register";

export function registerAgentRoutes(app: OpenAPIHono<AppEnv>): void {
  registerCreateBootstrapToken(app);
  registerAgentRegistration(app);
  registerRotateAgentCredential(app);
  registerPollAgentJobs(app);
  registerAcknowledgeAgentJob(app);
  registerReportAgentJobResult(app);
  registerAgentHeartbeat(app);
}

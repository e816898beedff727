// Mounts the agent channel (bootstrap, registration, rotation, jobs, heartbeats) and users' design jobs.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { registerCreateBootstrapToken } from "./bootstrap-token-create";
import { registerRotateAgentCredential } from "./credentials-rotate";
import { registerCreateDesignJob } from "./design-job-create";
import { registerGetDesignJob } from "./design-job-get";
import { registerAgentHeartbeat } from "./heartbeat";
import { registerAgentInstallManifest } from "./install-manifest";
import { registerReportInventory } from "./inventory-report";
import { registerAcknowledgeAgentJob } from "./job-ack";
import { registerReportAgentJobProgress } from "./job-progress";
import { registerReportAgentJobResult } from "./job-result";
import { registerListAgentJobs } from "./jobs-list";
import { registerPollAgentJobs } from "./jobs-poll";
import { registerListAgents } from "./list";
import { registerAgentRegistration } from "./register";
import { registerRevokeAgent } from "./revoke";

export function registerAgentRoutes(app: OpenAPIHono<AppEnv>): void {
  // Named by the agent-only routes' `security`, so the reference says which credential they take.
  app.openAPIRegistry.registerComponent("securitySchemes", "agentCredential", {
    type: "http",
    scheme: "bearer",
    description: "The agent's credential (`mpa_...`), issued at registration and rotated by the agent",
  });
  registerAgentInstallManifest(app);
  registerCreateBootstrapToken(app);
  registerAgentRegistration(app);
  registerRotateAgentCredential(app);
  registerPollAgentJobs(app);
  registerAcknowledgeAgentJob(app);
  registerReportAgentJobProgress(app);
  registerReportAgentJobResult(app);
  registerAgentHeartbeat(app);
  registerReportInventory(app);
  registerCreateDesignJob(app);
  registerGetDesignJob(app);
  registerListAgents(app);
  registerListAgentJobs(app);
  registerRevokeAgent(app);
}
